export interface Config {
  regionExpansion?: {
    governance?: {
      securityHub?: {
        /**
         * Which Security Hub API to read: `asff` (Security Hub CSPM
         * GetFindings, default) or `ocsf` (GetFindingsV2).
         */
        api?: 'asff' | 'ocsf';
        /**
         * How far before the previous run's start each incremental run
         * re-reads (`UpdatedAt`), so findings that Security Hub makes
         * visible late with an earlier `UpdatedAt` are still read; re-read
         * findings are upserts. A duration in the scheduler's formats
         * (`1h`, `PT1H` or `{ hours: 1 }`); months and years are refused
         * (no fixed length). Defaults to one hour.
         */
        lookback?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
    };
  };
}
