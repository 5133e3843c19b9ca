import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * Region expansion collators: index Regions, Local Zones, Outposts,
       * cells and tenants (document types `region-expansion-location`,
       * `region-expansion-cell`, `region-expansion-tenant`). Every key is
       * optional.
       */
      regionExpansion?: {
        /**
         * When each collator runs. Defaults to every 10 minutes with a
         * timeout of 5 minutes, the first run 10 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Path the app mounts the region-expansion page on; search results
         * link to `<basePath>/regions/<id>`, `<basePath>/cells/<id>` and
         * `<basePath>/tenants?tenant=<id>`. Defaults to `/region-expansion`.
         */
        basePath?: string;
      };
    };
  };
}
