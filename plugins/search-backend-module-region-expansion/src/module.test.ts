import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import searchPlugin from '@backstage/plugin-search-backend';
import {
  locationReadPermission,
  REGION_EXPANSION_SEARCH_TYPES,
  RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
  tenantReadPermission,
} from '@region-expansion/plugin-region-expansion-common';
// The collators are tested against the real backend they read, not a stand-in.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import regionExpansionPlugin from '@region-expansion/plugin-region-expansion-backend';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import searchModuleRegionExpansion from './index';

jest.setTimeout(120_000);

/** More than two pages of `GET /tenants`, so paging is exercised. */
const DEMO_TENANTS = 1100;
const READER = 'user:default/reader';
/** A user whose policy denies reading tenants, and only that. */
const NO_TENANTS = 'user:default/no-tenants';
/** A user whose policy scopes location reads to the eusc-de-east-1 Region. */
const SCOPED = 'user:default/eusc-auditor';

const taskOf = (type: string) => `search_index_${type.replace('-', '_')}`;

/**
 * Permissions as a policy would answer them: service principals (the
 * collators) are allowed, as the default permissions service does;
 * NO_TENANTS may not read tenants; SCOPED gets a conditional location read
 * that the framework resolves to allowing the resources of eusc-de-east-1
 * (what the region-expansion backend answers for an `isInRegion` rule).
 */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => {
    const decide = (
      {
        permission,
        resourceRef,
      }: { permission: Permission; resourceRef?: string },
      user: string | undefined,
    ): PolicyDecision => {
      if (
        user === NO_TENANTS &&
        permission.name === tenantReadPermission.name
      ) {
        return { result: AuthorizeResult.DENY };
      }
      if (user === SCOPED && permission.name === locationReadPermission.name) {
        if (resourceRef === undefined) {
          return {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'region-expansion',
            resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
            conditions: {
              rule: 'isInRegion',
              resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
              params: { regions: ['eusc-de-east-1'] },
            },
          };
        }
        return {
          result: /^(location:eusc-de-east-1|cell:eusc-de-east-1-.*)$/.test(
            resourceRef,
          )
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      }
      return { result: AuthorizeResult.ALLOW };
    };
    const userOf = (credentials: BackstageCredentials) =>
      (credentials.principal as { userEntityRef?: string }).userEntityRef;
    return {
      authorize: async (requests, { credentials }) =>
        requests.map(r => decide(r, userOf(credentials)) as any),
      authorizeConditional: async (requests, { credentials }) =>
        requests.map(r => decide(r, userOf(credentials)) as any),
    };
  },
});

describe('search module region-expansion collators, against the real region-expansion and search backends', () => {
  // Search tasks by id, run by the test: the index is built when it says.
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: () => ({
      run: async task => {
        tasks.set(task.id, task.fn);
      },
    }),
  });
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  async function search(user: string, query: Record<string, string>) {
    const res = await request(backend.server)
      .get('/api/search/query')
      .query({ pageLimit: '100', ...query })
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body as {
      results: Array<{ type: string; document: any; highlight?: any }>;
      numberOfResults?: number;
    };
  }

  async function api(path: string) {
    const res = await request(backend.server)
      .get(`/api/region-expansion${path}`)
      .set('Authorization', mockCredentials.user.header(READER));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function index(type: string) {
    await tasks.get(taskOf(type))!(new AbortController().signal);
  }

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        searchPlugin,
        searchModuleRegionExpansion,
        regionExpansionPlugin,
        regionExpansionModuleDemo,
        permissionsFactory,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            regionExpansion: {
              demoData: { enabled: true, tenants: DEMO_TENANTS },
            },
            search: { collators: { regionExpansion: { basePath: '/re/' } } },
          },
        }),
      ],
    });
    for (const type of Object.values(REGION_EXPANSION_SEARCH_TYPES)) {
      await index(type);
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('indexes locations with their partition and readiness, linking to the Region page', async () => {
    const { results } = await search(READER, {
      term: 'Frankfurt',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.location,
    });
    const frankfurt = results.find(r => r.document.id === 'eu-central-1');
    expect(frankfurt).toMatchObject({
      type: 'region-expansion-location',
      document: {
        title: 'Europe (Frankfurt)',
        location: '/re/regions/eu-central-1',
        kind: 'region',
        partition: 'aws',
        country: 'DE',
        readiness: expect.stringMatching(/^(blocked|pilot|ready)$/),
      },
    });
    expect(frankfurt?.highlight?.fields.title).toContain('Frankfurt');
  });

  it('indexes cells with location, lifecycle and capacity, linking to the cell page', async () => {
    const cell = await api('/cells/eu-central-1-p01');
    const { results } = await search(READER, {
      term: 'eu-central-1-p01',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.cell,
    });
    expect(results[0]).toMatchObject({
      type: 'region-expansion-cell',
      document: {
        id: 'eu-central-1-p01',
        location: '/re/cells/eu-central-1-p01',
        kind: 'cell',
        locationId: 'eu-central-1',
        lifecycle: 'active',
        tenantCount: cell.usage.tenants,
        tenantCapacity: 80,
      },
    });
  });

  it('indexes every tenant across the pages, a placed one with its cell and location', async () => {
    const all = await search(READER, {
      term: 'tenant',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.tenant,
    });
    expect(all.numberOfResults).toBe(DEMO_TENANTS);
    const {
      items: [placed],
    } = await api('/tenants?cellId=eu-central-1-p01&limit=1');
    const { results } = await search(READER, {
      term: placed.id,
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.tenant,
    });
    expect(results[0].document).toEqual(
      expect.objectContaining({
        title: placed.name,
        location: `/re/tenants?tenant=${placed.id}`,
        kind: 'tenant',
        tier: placed.tier,
        cellId: 'eu-central-1-p01',
        locationId: 'eu-central-1',
        partition: 'aws',
      }),
    );
  });

  it('shows no tenants to a user the tenant read permission denies, but still the locations', async () => {
    const tenants = await search(NO_TENANTS, {
      term: 'tenant',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.tenant,
    });
    expect(tenants.results).toEqual([]);
    const everything = await search(NO_TENANTS, { term: 'Frankfurt' });
    const types = new Set(everything.results.map(r => r.type));
    expect(types.has(REGION_EXPANSION_SEARCH_TYPES.location)).toBe(true);
    expect(types.has(REGION_EXPANSION_SEARCH_TYPES.tenant)).toBe(false);
  });

  it('shows a user scoped to one Region only its location and cells', async () => {
    const frankfurt = await search(SCOPED, { term: 'Frankfurt' });
    expect(frankfurt.results).toEqual([]);
    const locations = await search(SCOPED, {
      term: 'eusc-de-east-1',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.location,
    });
    expect(locations.results.map(r => r.document.id)).toEqual([
      'eusc-de-east-1',
    ]);
    const cells = await search(SCOPED, {
      term: 'cell',
      'types[0]': REGION_EXPANSION_SEARCH_TYPES.cell,
    });
    const cellLocations = new Set(
      cells.results.map(r => r.document.locationId),
    );
    expect([...cellLocations]).toEqual(['eusc-de-east-1']);
    expect(cells.results).toHaveLength(6);
  });

  describe('when a page of the API fails', () => {
    const server = setupServer();
    beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
    afterAll(() => server.close());

    it('fails the run naming the page, and the index keeps every tenant of the last good run', async () => {
      server.use(
        http.get('*/api/region-expansion/tenants', ({ request: req }) =>
          new URL(req.url).searchParams.get('offset') === '500'
            ? HttpResponse.json(
                { error: { name: 'Error', message: 'database gone' } },
                { status: 500 },
              )
            : passthrough(),
        ),
      );
      await expect(index(REGION_EXPANSION_SEARCH_TYPES.tenant)).rejects.toThrow(
        /^Could not read GET \/tenants\?offset=500&limit=500 from the region-expansion backend: .*500/,
      );
      const after = await search(READER, {
        term: 'tenant',
        'types[0]': REGION_EXPANSION_SEARCH_TYPES.tenant,
      });
      expect(after.numberOfResults).toBe(DEMO_TENANTS);
    });
  });
});
