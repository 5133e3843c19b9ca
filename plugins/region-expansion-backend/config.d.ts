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
    import?: {
      /**
       * Maximum request body size of POST /tenants/import, in the notation of
       * the `bytes` package (for example `50mb`). Defaults to `50mb`.
       */
      maxBodySize?: string;
    };
  };
}
