export interface Config {
  regionExpansion?: {
    governance?: {
      awsConfig?: {
        /**
         * Name of the configuration aggregator to read. Default: discovered
         * in the aggregator account (an organization aggregator first).
         */
        aggregatorName?: string;
        /**
         * Aggregator account per partition id (e.g. the delegated
         * administrator). Default: the partition's first governance target
         * account. The aggregator is read in the partition's home Region.
         */
        aggregatorAccounts?: { [partition: string]: string };
      };
    };
  };
}
