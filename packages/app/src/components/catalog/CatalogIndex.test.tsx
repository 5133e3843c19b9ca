import { CatalogClient } from '@backstage/catalog-client';
import { CatalogTable } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  EntityKindPicker,
  EntityListProvider,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

// The harness for frontend tests: Testing Library renders the page, the real
// CatalogClient talks HTTP, and msw answers at the network level.
const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://localhost:7007/api/catalog';

describe('catalog index in the portal', () => {
  it('lists what the catalog backend returns', async () => {
    server.use(
      http.get(`${baseUrl}/entity-facets`, () =>
        HttpResponse.json({
          facets: { kind: [{ value: 'Component', count: 1 }] },
        }),
      ),
      // The table pages through the catalog's predicate query endpoint.
      http.post(`${baseUrl}/entities/by-query`, async ({ request }) => {
        // The table asks for the kind its picker selected.
        const { query } = (await request.json()) as { query?: unknown };
        const items = JSON.stringify(query ?? {}).includes('"kind":"component"')
          ? [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'tenant-router',
                  namespace: 'default',
                  description: 'Routes tenants to their cell',
                },
                spec: {
                  type: 'service',
                  lifecycle: 'production',
                  owner: 'platform-team',
                },
              },
            ]
          : [];
        return HttpResponse.json({
          items,
          totalItems: items.length,
          pageInfo: {},
        });
      }),
    );
    const catalogApi = new CatalogClient({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    });

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApi],
          [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        ]}
      >
        <EntityListProvider>
          <EntityKindPicker initialFilter="component" hidden />
          <CatalogTable />
        </EntityListProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('tenant-router')).toBeInTheDocument();
    expect(
      screen.getByText('Routes tenants to their cell'),
    ).toBeInTheDocument();
  });
});
