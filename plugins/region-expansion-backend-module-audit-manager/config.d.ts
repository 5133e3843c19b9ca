export interface Config {
  regionExpansion?: {
    governance?: {
      auditManager?: {
        /**
         * Where Audit Manager is read: `home` (each partition's home Region,
         * default) or `configured` (every Region of the governance targets).
         */
        regions?: 'home' | 'configured';
      };
    };
  };
}
