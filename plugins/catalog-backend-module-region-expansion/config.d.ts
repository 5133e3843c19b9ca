import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Region expansion entity provider: emits Regions, Local Zones,
       * Outposts and cells of the region-expansion backend as `Resource`
       * entities. Every key is optional.
       */
      regionExpansion?: {
        /**
         * When the provider runs. Defaults to every 5 minutes with a timeout
         * of 3 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Owner of every emitted entity, as an entity ref (kind defaults to
         * group). Defaults to `group:default/platform-team`.
         */
        owner?: string;
        /**
         * Base URL of the region-expansion backend, for example
         * `https://backstage.example.com/api/region-expansion`. Defaults to
         * the URL discovery gives for the `region-expansion` plugin.
         */
        baseUrl?: string;
      };
    };
  };
}
