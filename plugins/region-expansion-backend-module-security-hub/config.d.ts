export interface Config {
  regionExpansion?: {
    governance?: {
      securityHub?: {
        /**
         * Which Security Hub API to read: `asff` (Security Hub CSPM
         * GetFindings, default) or `ocsf` (GetFindingsV2).
         */
        api?: 'asff' | 'ocsf';
      };
    };
  };
}
