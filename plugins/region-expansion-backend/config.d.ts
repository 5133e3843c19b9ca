import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the region-expansion backend plugin. */
  regionExpansion?: {
    demoData?: {
      /**
       * Seeds a deterministic synthetic estate (partitions including aws-eusc,
       * control planes, cells and tenants) on first start, when the store has
       * no cells yet. Meant for the embedded demo portal; keep it off in
       * production.
       */
      enabled?: boolean;
      /**
       * Number of tenants to place into the synthetic estate. Defaults to 2000.
       */
      tenants?: number;
    };
    placement?: {
      /**
       * Strategy the placement engine uses when a request does not name one.
       * Defaults to the engine's own default.
       */
      defaultStrategy?: 'pack' | 'spread';
    };
    readiness?: {
      /**
       * Schedule of the readiness re-evaluation of every location (one run
       * across all backend replicas), in the scheduler's own format. Defaults
       * to every 30 minutes, first run 10 seconds after start, 10 minute
       * timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      waivers?: {
        /**
         * Longest a waiver may last, in whole days from when it is granted.
         * Defaults to 180.
         */
        maxDays?: number;
      };
      /**
       * Aggregate use of the cells in a location (tenants, load units or a
       * declared quota), as a fraction, at which the capacity check warns.
       * Above 0, at most 1. Defaults to 0.8.
       */
      capacityWarnRatio?: number;
    };
    import?: {
      /**
       * Maximum request body size of POST /tenants/import, in the notation of
       * the `bytes` package (for example `50mb`). Defaults to `50mb`.
       */
      maxBodySize?: string;
    };
  };
}
