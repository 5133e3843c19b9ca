export interface Config {
  permission?: {
    /**
     * The Region Expansion role policy
     * (`@region-expansion/plugin-permission-backend-module-region-expansion`).
     */
    regionExpansion?: {
      /**
       * Role of signed-in users in no grant; `none` denies them everything.
       * Defaults to `none`.
       */
      defaultRole?: 'platform-admin' | 'auditor' | 'engineer' | 'none';
      /**
       * Grants per role. `platform-admin` may do everything; `auditor` reads
       * everything and exports governance evidence; `engineer` reads
       * everything but evidence exports and runs placements. A user gets
       * every grant any of their ownership refs is a member of; an
       * unscoped grant wins over a scoped one.
       */
      roles?: {
        [role: string]: Array<{
          /** User or group entity refs, for example `group:default/auditors`. */
          members: string[];
          /**
           * Limits the grant to these partitions (`aws`, `aws-eusc`, ...):
           * Region Expansion reads answer only what is in them.
           */
          partitions?: string[];
          /** Limits the grant to these Region, Local Zone or Outpost ids. */
          regions?: string[];
          /**
           * Limits the grant to cells and governance records of these
           * 12-digit AWS accounts (a location has no account).
           */
          accounts?: string[];
        }>;
      };
    };
  };
}
