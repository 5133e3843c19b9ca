export interface Config {
  regionExpansion?: {
    /**
     * The demo estate of the region-expansion-backend-module-demo module.
     * A backend without the module ignores these keys.
     */
    demoData?: {
      /**
       * Seeds a deterministic synthetic estate (partitions including
       * aws-eusc, control planes, cells and tenants, and the application
       * plane's footprint) on start, when the store has no cells yet.
       * Defaults to false: the module seeds nothing unless this is true.
       * Meant for the embedded demo portal; production installs no module.
       */
      enabled?: boolean;
      /**
       * Number of tenants to place into the synthetic estate, a whole
       * number, at least 0. Defaults to 2000.
       */
      tenants?: number;
    };
  };
}
