export interface Config {
  regionExpansion?: {
    governance?: {
      resilienceHub?: {
        /**
         * Applications of one account and Region whose assessments are read
         * at the same time. Default 4.
         */
        appConcurrency?: number;
      };
    };
  };
}
