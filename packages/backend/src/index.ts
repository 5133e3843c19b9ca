/*
 * The demo portal's backend: catalog, scaffolder, auth, permissions with the
 * role-based policy, TechDocs, search, and the Region Expansion plugins.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import('@region-expansion/plugin-scaffolder-backend-module-region-expansion'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin: guest for the embedded default, GitHub for production
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin with the Region Expansion role policy (roles from
// permission.regionExpansion; optional: any policy works with the plugin)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@region-expansion/plugin-permission-backend-module-region-expansion'),
);

// search plugin, engine and collators
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// user settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Region Expansion: control plane, placement and catalog entities
backend.add(import('@region-expansion/plugin-region-expansion-backend'));
// The demo estate: seeds only with regionExpansion.demoData.enabled (set by
// app-config.demo.yaml); a production backend built from this one leaves
// the line out.
backend.add(
  import('@region-expansion/plugin-region-expansion-backend-module-demo'),
);
backend.add(
  import('@region-expansion/plugin-catalog-backend-module-region-expansion'),
);
// Governance sources of Region Expansion, one module each
backend.add(
  import(
    '@region-expansion/plugin-region-expansion-backend-module-security-hub'
  ),
);
backend.add(
  import(
    '@region-expansion/plugin-region-expansion-backend-module-resilience-hub'
  ),
);
backend.add(
  import(
    '@region-expansion/plugin-region-expansion-backend-module-audit-manager'
  ),
);
backend.add(
  import('@region-expansion/plugin-region-expansion-backend-module-aws-config'),
);

// Region Expansion in the portal's search: Regions, cells and tenants
backend.add(
  import('@region-expansion/plugin-search-backend-module-region-expansion'),
);

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
