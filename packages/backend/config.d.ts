export interface Config {
  permission?: {
    /**
     * Roles of the portal's role-based permission policy. Members are user or
     * group entity refs (for example `group:default/platform-team`); a user
     * gets the most privileged role any of their ownership refs holds.
     */
    roles?: {
      /**
       * Role of signed-in users who are in no role; `none` denies them
       * everything. Defaults to `none`.
       */
      defaultRole?: 'platform-admin' | 'auditor' | 'engineer' | 'none';
      /** May do everything, including managing cells, tenants and waivers. */
      'platform-admin'?: string[];
      /** Reads everything and exports governance evidence; changes nothing. */
      auditor?: string[];
      /** Reads everything and runs placements; no configuration changes. */
      engineer?: string[];
    };
  };
}
