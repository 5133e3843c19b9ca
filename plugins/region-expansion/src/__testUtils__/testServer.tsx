import { ReactElement, ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import type {
  Cell,
  LocationCellSummary,
  Location,
  Partition,
  ReadinessSummary,
  StoredReadinessEvaluation,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { RegionExpansionPage } from '../components/RegionExpansionPage';

/**
 * The permission framework's decision values, taken from the mock's own
 * option type: `@backstage/plugin-permission-common` (which exports the
 * `AuthorizeResult` enum) is not a declared dependency of this package.
 */
type Decision = Exclude<
  NonNullable<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
  >,
  Function
>;
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** Base URL the mock discovery API hands to the real client. */
export const BASE_URL = 'http://localhost/api/region-expansion';

/** Two partitions, a Region with a Local Zone, and the sovereign Region. */
export const partitions: Partition[] = [
  {
    id: 'aws',
    name: 'AWS Standard',
    dnsSuffix: 'amazonaws.com',
    homeRegion: 'us-east-1',
    requiresOwnControlPlane: false,
  },
  {
    id: 'aws-eusc',
    name: 'AWS European Sovereign Cloud',
    dnsSuffix: 'amazonaws.eu',
    homeRegion: 'eusc-de-east-1',
    requiresOwnControlPlane: true,
  },
];

export const locations: Location[] = [
  {
    id: 'eu-central-1',
    kind: 'region',
    partition: 'aws',
    name: 'Europe (Frankfurt)',
    country: 'DE',
    jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    geography: 'Europe',
  },
  {
    id: 'us-east-1',
    kind: 'region',
    partition: 'aws',
    name: 'US East (N. Virginia)',
    country: 'US',
    jurisdictions: ['GEO-NORTH-AMERICA'],
    geography: 'North America',
  },
  {
    id: 'us-east-1-bos-1a',
    kind: 'local-zone',
    partition: 'aws',
    name: 'US East (Boston)',
    country: 'US',
    jurisdictions: ['GEO-NORTH-AMERICA'],
    geography: 'North America',
    parentRegion: 'us-east-1',
  },
  {
    id: 'eusc-de-east-1',
    kind: 'region',
    partition: 'aws-eusc',
    name: 'AWS European Sovereign Cloud (Germany)',
    country: 'DE',
    jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    geography: 'Europe',
  },
];

export const cells: Cell[] = [
  {
    id: 'cell-fra-1',
    name: 'Frankfurt pooled 1',
    locationId: 'eu-central-1',
    partition: 'aws',
    controlPlaneId: 'cp-global',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122223333',
    specVersion: '2025.1',
    capacity: {
      tenants: 100,
      loadUnits: 1000,
      quotas: { dedicatedDataStores: 20 },
    },
    usage: { tenants: 40, loadUnits: 900, quotas: { dedicatedDataStores: 5 } },
  },
  {
    id: 'cell-bos-1',
    name: 'Boston pooled 1',
    locationId: 'us-east-1-bos-1a',
    partition: 'aws',
    controlPlaneId: 'cp-global',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122224444',
    specVersion: '2025.1',
    capacity: { tenants: 50, loadUnits: 500, quotas: {} },
    usage: { tenants: 9, loadUnits: 90, quotas: {} },
  },
];

export const tenants: Tenant[] = Array.from({ length: 250 }, (_, i) => ({
  id: `tenant-${String(i).padStart(3, '0')}`,
  name: `Tenant ${i}`,
  tier: i % 3 === 0 ? 'bridge' : 'pool',
  residency: { jurisdictions: ['EU'] },
  classification: 'confidential',
  loadUnits: 10 + (i % 7),
  cellId: i % 10 === 0 ? undefined : 'cell-fra-1',
}));

/**
 * An error reply shaped like the Backstage backend error handler's, which
 * `ResponseError.fromResponse` parses to surface the server's message.
 */
export function errorReply(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/**
 * Frankfurt's latest evaluation: blocked on one missing service, with the
 * audit check waived. Other locations were never evaluated.
 */
export const frankfurtEvaluation: StoredReadinessEvaluation = {
  id: '42',
  locationId: 'eu-central-1',
  partition: 'aws',
  trigger: 'scheduled',
  level: 'blocked',
  evaluatedAt: '2026-01-10T08:00:00.000Z',
  blockers: [
    {
      check: 'availability',
      service: 'bedrock',
      detail: 'bedrock is not offered in eu-central-1',
      remediation: 'Replace bedrock or choose another Region',
    },
  ],
  openChecks: [
    {
      check: 'resilience',
      detail: 'No Resilience Hub assessment',
      remediation: 'Assess the application in Resilience Hub',
    },
  ],
  signals: {
    availability: {
      check: 'availability',
      status: 'fail',
      detail: '1 of 12 footprint services missing',
      observedAt: '2026-01-10T07:00:00.000Z',
      blockers: ['bedrock'],
      waived: false,
    },
    sovereignty: {
      check: 'sovereignty',
      status: 'pass',
      detail: 'EU residency satisfied',
      blockers: [],
      waived: false,
    },
    security: {
      check: 'security',
      status: 'pass',
      detail: 'No failed critical findings',
      observedAt: '2026-01-10T06:00:00.000Z',
      blockers: [],
      waived: false,
    },
    resilience: {
      check: 'resilience',
      status: 'unknown',
      detail: 'No signal',
      blockers: [],
      waived: false,
    },
    audit: {
      check: 'audit',
      status: 'fail',
      detail: '2 controls without evidence',
      blockers: ['2 controls without evidence'],
      waived: true,
      waiver: {
        locationId: 'eu-central-1',
        check: 'audit',
        reason: 'Evidence collection starts next quarter',
        approver: 'user:default/auditor',
        expiresAt: '2026-03-31T23:59:59.000Z',
      },
    },
    capacity: {
      check: 'capacity',
      status: 'warn',
      detail: 'Load units at 90%',
      blockers: [],
      waived: false,
    },
  },
};

/** `GET /readiness`: Frankfurt blocked, the sovereign Region ready. */
export const readinessSummaries: ReadinessSummary[] = [
  {
    id: '42',
    locationId: 'eu-central-1',
    partition: 'aws',
    level: 'blocked',
    trigger: 'scheduled',
    evaluatedAt: frankfurtEvaluation.evaluatedAt,
    blockers: frankfurtEvaluation.blockers,
    openChecks: frankfurtEvaluation.openChecks,
    waivedChecks: ['audit'],
  },
  {
    id: '43',
    locationId: 'eusc-de-east-1',
    partition: 'aws-eusc',
    level: 'ready',
    trigger: 'scheduled',
    evaluatedAt: '2026-01-10T08:00:00.000Z',
    blockers: [],
    openChecks: [],
    waivedChecks: [],
  },
];

/** What `GET /locations/summary` answers for these cells. */
export function summarizeCells(list: Cell[]): LocationCellSummary[] {
  const byLocation = new Map<string, LocationCellSummary>();
  for (const cell of list) {
    const row = byLocation.get(cell.locationId) ?? {
      locationId: cell.locationId,
      cellCount: 0,
      pooledCellCount: 0,
      tenantCount: 0,
      capacity: { tenants: 0, loadUnits: 0 },
      usage: { tenants: 0, loadUnits: 0 },
    };
    row.cellCount += 1;
    if (cell.isolation === 'pooled') row.pooledCellCount += 1;
    row.tenantCount += cell.usage.tenants;
    row.capacity.tenants += cell.capacity.tenants;
    row.capacity.loadUnits += cell.capacity.loadUnits;
    row.usage.tenants += cell.usage.tenants;
    row.usage.loadUnits += cell.usage.loadUnits;
    byLocation.set(cell.locationId, row);
  }
  return [...byLocation.values()].sort((a, b) =>
    a.locationId.localeCompare(b.locationId),
  );
}

/** Default handlers: a backend that serves the fixtures above. */
export const defaultHandlers = [
  http.get(`${BASE_URL}/partitions`, () =>
    HttpResponse.json({ items: partitions }),
  ),
  http.get(`${BASE_URL}/locations`, () =>
    HttpResponse.json({ items: locations }),
  ),
  http.get(`${BASE_URL}/locations/summary`, () =>
    HttpResponse.json({ items: summarizeCells(cells) }),
  ),
  http.get(`${BASE_URL}/cells`, ({ request }) => {
    const locationId = new URL(request.url).searchParams.get('locationId');
    return HttpResponse.json({
      items: cells.filter(c => !locationId || c.locationId === locationId),
    });
  }),
  http.get(`${BASE_URL}/cells/:id`, ({ params }) => {
    const cell = cells.find(c => c.id === params.id);
    return cell
      ? HttpResponse.json(cell)
      : errorReply(404, 'NotFoundError', `Cell '${params.id}' not found`);
  }),
  http.get(`${BASE_URL}/tenants`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 100);
    const matching = tenants.filter(
      t =>
        (!query.get('tier') || t.tier === query.get('tier')) &&
        (!query.get('cellId') || t.cellId === query.get('cellId')) &&
        (query.get('unplaced') !== 'true' || !t.cellId),
    );
    return HttpResponse.json({
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
      offset,
      limit,
    });
  }),
  http.get(`${BASE_URL}/tenants/:id`, ({ params }) => {
    const tenant = tenants.find(t => t.id === params.id);
    return tenant
      ? HttpResponse.json(tenant)
      : errorReply(404, 'NotFoundError', `Tenant '${params.id}' not found`);
  }),
  http.get(`${BASE_URL}/tenants/:id/history`, ({ params }) =>
    HttpResponse.json({
      items: [
        {
          tenantId: params.id,
          cellId: 'cell-fra-1',
          reason:
            'Placed in eu-central-1 cell cell-fra-1 (pack, 60% tenant headroom left)',
          strategy: 'pack',
          at: '2026-01-05T10:00:00.000Z',
          kind: 'placed',
        },
      ],
    }),
  ),
  http.get(`${BASE_URL}/readiness`, () =>
    HttpResponse.json({ items: readinessSummaries }),
  ),
  http.get(`${BASE_URL}/readiness/:locationId`, ({ params }) =>
    params.locationId === 'eu-central-1'
      ? HttpResponse.json(frankfurtEvaluation)
      : errorReply(
          404,
          'NotFoundError',
          `Location '${params.locationId}' has no readiness evaluation yet; POST /readiness/${params.locationId}/evaluate`,
        ),
  ),
  http.get(`${BASE_URL}/readiness/:locationId/history`, ({ params }) =>
    HttpResponse.json({
      items:
        params.locationId === 'eu-central-1'
          ? [
              { ...frankfurtEvaluation, previousLevel: 'ready' },
              {
                ...frankfurtEvaluation,
                id: '30',
                level: 'ready',
                evaluatedAt: '2026-01-05T08:00:00.000Z',
              },
            ]
          : [],
      totalCount: params.locationId === 'eu-central-1' ? 2 : 0,
      offset: 0,
      limit: 200,
      ...(params.locationId === 'eu-central-1'
        ? { becameReadyAt: '2026-01-05T08:00:00.000Z', currentLevel: 'blocked' }
        : {}),
    }),
  ),
  http.get(`${BASE_URL}/waivers`, ({ request }) => {
    const locationId = new URL(request.url).searchParams.get('locationId');
    return HttpResponse.json({
      items:
        locationId === 'eu-central-1'
          ? [
              {
                ...frankfurtEvaluation.signals.audit.waiver,
                id: '7d6f4c1e-0000-4000-8000-000000000001',
                createdBy: 'user:default/lead',
                createdAt: '2026-01-01T00:00:00.000Z',
                status: 'active',
              },
            ]
          : [],
    });
  }),
  http.get(`${BASE_URL}/application-plane/footprint`, () =>
    HttpResponse.json({
      id: 'default',
      footprint: { services: [], crossRegion: [], unknown: [] },
      source: 'demo footprint',
      updatedBy: 'system',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }),
  ),
];

/** An msw server that every test file registers with `registerMswTestHooks`. */
export function setupTestServer() {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);
  return server;
}

/** The REAL common client, calling the msw server at {@link BASE_URL}. */
export function createTestClient() {
  return new RegionExpansionClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost' }),
    fetchApi: { fetch: (...args) => fetch(...args) },
  });
}

/**
 * Runs a hook of this plugin with the REAL common client (calls go through
 * msw), as a component of the plugin would.
 */
export function renderHookWithClient<T>(hook: () => T) {
  const client = createTestClient();
  return renderHook(hook, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[regionExpansionApiRef, client]]}>
        {children}
      </TestApiProvider>
    ),
  });
}

/**
 * Renders inside a test app with the REAL common client (calls go through
 * msw) and a permission API that allows or denies everything.
 */
export function renderWithPlugin(
  element: ReactElement = (
    <Routes>
      <Route path="/region-expansion/*" element={<RegionExpansionPage />} />
    </Routes>
  ),
  options: {
    routeEntries?: string[];
    allow?: boolean | ((name: string) => boolean);
  } = {},
) {
  const client = createTestClient();
  const allow = options.allow ?? true;
  const permissionApi = mockApis.permission({
    authorize: request => {
      const allowed =
        typeof allow === 'function' ? allow(request.permission.name) : allow;
      return allowed ? ALLOW : DENY;
    },
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [regionExpansionApiRef, client],
        [permissionApiRef, permissionApi],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/region-expansion': rootRouteRef },
    },
  );
}
