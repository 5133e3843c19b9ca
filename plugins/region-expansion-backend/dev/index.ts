import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A local backend for working on the plugin alone: in-memory SQLite (from
// app-config), the synthetic demo estate, and every request allowed.
// Start with `yarn start` in this package.
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(mockServices.permissions.factory());
backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: {
        baseUrl: 'http://localhost:7007',
        listen: { port: 7007 },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      regionExpansion: { demoData: { enabled: true } },
    },
  }),
);
backend.add(import('../src'));
backend.add(
  import('@region-expansion/plugin-region-expansion-backend-module-demo'),
);

backend.start();
