import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { regionExpansionPermissions } from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import request from 'supertest';
import {
  AvailabilityRefreshService,
  KnexAvailabilityStore,
} from '../availability';
import {
  createEstateServices,
  createEstateStores,
  migrated,
} from '../__testUtils__/estate';
import { createGovernanceRouter } from '../governance';
import { appWithErrors } from '../__testUtils__/appWithErrors';
import {
  committedOpenApi,
  OpenApiOperation,
  OpenApiPathItem,
} from '../__testUtils__/committedOpenApi';
import { createGovernance } from '../__testUtils__/governance';
import { ReadinessService } from '../readiness/ReadinessService';
import { KnexReadinessStore } from '../readiness/KnexReadinessStore';
import { createRouter } from '../routing/createRouter';
import { ComparisonService } from '../comparison/ComparisonService';
import { CampaignService } from '../campaigns/CampaignService';
import { KnexCampaignStore } from '../campaigns/KnexCampaignStore';

jest.setTimeout(60_000);

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
];

/** Routes the framework's permission integration router adds. */
const FRAMEWORK_PREFIX = '/.well-known/backstage/permissions/';

type Operation = OpenApiOperation;
type PathItem = OpenApiPathItem;
const document = committedOpenApi();

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
};

/**
 * Every `METHOD /path` the router answers, found by walking the express
 * router stack (nested routers mounted at the root included).
 */
function routesOf(router: express.Router): string[] {
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap(layer => {
      if (layer.route) {
        const path = layer.route.path;
        return Object.keys(layer.route.methods)
          .filter(m => m !== '_all')
          .map(m => `${m.toUpperCase()} ${path}`);
      }
      return layer.handle.stack ? walk(layer.handle.stack) : [];
    });
  return walk((router as unknown as { stack: Layer[] }).stack);
}

/** Every documented `METHOD /path`, with `{param}` written as `:param`. */
function documentedRoutes(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter(key => HTTP_METHODS.includes(key))
      .map(
        method =>
          `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
      ),
  );
}

function operations(): Array<[string, string, Operation, PathItem]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([key]) => HTTP_METHODS.includes(key))
      .map(
        ([method, op]) =>
          [path, method, op as Operation, item] as [
            string,
            string,
            Operation,
            PathItem,
          ],
      ),
  );
}

type Parameter = {
  name: string;
  in: string;
  schema?: SchemaObject;
  /** A valid value, where no generic one is (an opaque cursor). */
  example?: unknown;
};
type SchemaObject = {
  $ref?: string;
  allOf?: SchemaObject[];
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  default?: unknown;
};

/** The component a local `$ref` names. */
function resolveRef<T>(ref: string): T {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, key) => node?.[key], document) as T;
}

/** Known values for parameters whose validity depends on the estate. */
const SAMPLE_BY_NAME: Record<string, string> = {
  partition: 'aws',
  locationId: 'eu-west-1',
  cellId: 'eu-west-1-p01',
  controlPlaneId: 'cp-aws-eu',
  accountId: '111122223333',
};

/** A valid value of a documented query parameter. */
function sampleOf(param: Parameter): string {
  if (SAMPLE_BY_NAME[param.name]) {
    return SAMPLE_BY_NAME[param.name];
  }
  if (param.example !== undefined) {
    return String(param.example);
  }
  let schema = param.schema ?? {};
  while (schema.$ref || schema.allOf) {
    schema = schema.$ref
      ? { ...schema, $ref: undefined, ...resolveRef<SchemaObject>(schema.$ref) }
      : { ...schema, allOf: undefined, ...schema.allOf![0] };
  }
  if (schema.enum) {
    return schema.enum[0];
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return String(schema.default ?? schema.minimum ?? 1);
  }
  if (schema.format === 'date-time') {
    return '2026-01-01T00:00:00Z';
  }
  return 'x';
}

describe('openapi.yaml', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let routes: string[];
  let app: express.Express;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const client = await migrated(knex);
    const services = createEstateServices(createEstateStores(client));
    const readinessStore = KnexReadinessStore.create({ client });
    const readiness = ReadinessService.create({
      store: readinessStore,
      estate: services.estate,
      logger: mockServices.logger.mock(),
    });
    const httpAuth = mockServices.httpAuth();
    const permissions = mockServices.permissions();
    // The two routers the plugin mounts (src/plugin.ts), each walked.
    const router = await createRouter({
      httpAuth,
      permissions,
      ...services,
      readiness,
      availability: AvailabilityRefreshService.create({
        store: KnexAvailabilityStore.create({ client }),
        logger: mockServices.logger.mock(),
        enabled: false,
        partitions: ['aws'],
      }),
      // Only the routes are listed here; nothing is priced.
      comparison: ComparisonService.create({
        estate: services.estate,
        readiness,
        prices: {
          estimate: () => Promise.reject(new Error('not priced here')),
        },
      }),
      campaigns: CampaignService.create({
        store: KnexCampaignStore.create({ client }),
        catalog: () => services.estate.catalog(),
        latestReadiness: id => readinessStore.getLatest(id),
        estimateCost: () => Promise.reject(new Error('not priced here')),
        dailyCosts: async () => ({ unreadable: 'not read here' }),
      }),
    });
    const governanceRouter = await createGovernanceRouter({
      store: createGovernance(client).service,
      sync: { trigger: async () => [] },
      httpAuth,
      permissions,
    });
    routes = [...routesOf(router), ...routesOf(governanceRouter)];
    app = appWithErrors(router, governanceRouter);
  });

  it('is an OpenAPI 3.0 document', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
  });

  it('finds the routes of both routers', () => {
    expect(routes.length).toBeGreaterThan(35);
    expect(routes).toContain('GET /cells/:id');
    expect(routes).toContain('POST /tenants/import');
    expect(routes).toContain('PUT /application-plane/footprint');
    expect(routes).toContain('DELETE /waivers/:id');
    expect(routes).toContain('POST /readiness/:locationId/assess');
    expect(routes).toContain('GET /governance/evidence-bundle');
    expect(routes).toContain('POST /governance/sync');
  });

  it('documents every route of both routers, and nothing else', () => {
    const own = routes.filter(
      r => !r.split(' ')[1].startsWith(FRAMEWORK_PREFIX),
    );
    expect([...new Set(documentedRoutes())].sort()).toEqual(
      [...new Set(own)].sort(),
    );
  });

  it('names the permission, the path parameters and the error shape of every operation', () => {
    const permissionNames = regionExpansionPermissions.map(p => p.name);
    for (const [path, method, op, item] of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, permissionNames.includes(op['x-permission']!)]).toEqual([
        where,
        true,
      ]);
      expect([where, Object.keys(op.responses)]).toEqual([
        where,
        expect.arrayContaining(['401', '403']),
      ]);
      const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(p =>
          p.$ref ? document.components.parameters[p.$ref.split('/').pop()!] : p,
        )
        .filter(p => p?.in === 'path')
        .map(p => p!.name)
        .sort();
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]).sort();
      expect([where, declared]).toEqual([where, inPath]);
      const errorResponses = Object.entries(op.responses).filter(
        ([status]) => Number(status) >= 400,
      );
      for (const [status, response] of errorResponses) {
        const name = response.$ref?.split('/').pop() ?? '';
        expect([
          where,
          status,
          document.components.responses[name]?.content['application/json']
            .schema.$ref,
        ]).toEqual([where, status, '#/components/schemas/Error']);
      }
    }
  });

  it('documents exactly the query parameters each GET accepts', async () => {
    const gets = operations().filter(([, method]) => method === 'get');
    let checked = 0;
    for (const [path, , op, item] of gets) {
      const query = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(p => (p.$ref ? resolveRef<Parameter>(p.$ref) : (p as Parameter)))
        .filter(p => p.in === 'query');
      if (query.length === 0) {
        continue;
      }
      const url = path
        .replace('{locationId}', 'eu-west-1')
        .replace(/\{[^}]+\}/g, 'x');
      const where = `GET ${path}`;
      // Each documented parameter is accepted on its own ...
      for (const param of query) {
        const value = sampleOf(param);
        const res = await request(app)
          .get(url)
          .query({ [param.name]: value });
        expect([where, param.name, value, res.status === 400]).toEqual([
          where,
          param.name,
          value,
          false,
        ]);
      }
      // ... and an undocumented one is rejected.
      const res = await request(app).get(url).query({ undocumented: 'x' });
      expect([where, res.status]).toEqual([where, 400]);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('refuses an undocumented query key on every operation of every router, naming it', async () => {
    // The main router with its readiness and availability routes, and the
    // governance router: every documented operation, none left out.
    const checked: string[] = [];
    const accepted: string[] = [];
    for (const [path, method] of operations()) {
      const url = path
        .replace('{locationId}', 'eu-west-1')
        .replace(/\{[^}]+\}/g, 'x');
      const res = await (request(app) as any)
        [method](url)
        .query({ undocumented: 'x' });
      const where = `${method.toUpperCase()} ${path}`;
      checked.push(where);
      if (
        res.status !== 400 ||
        !/(^|; )undocumented: /.test(res.body?.error?.message ?? '')
      ) {
        accepted.push(`${where}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(checked.sort()).toEqual(
      [...new Set(documentedRoutes())]
        .map(r => r.replace(/:([^/]+)/g, '{$1}'))
        .sort(),
    );
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /governance/sync',
        'POST /availability/refresh',
        'GET /governance/evidence-bundle',
        'GET /availability',
      ]),
    );
  });

  it('lists 400 on every operation: an unknown query key is refused anywhere', () => {
    const missing = operations()
      .filter(([, , op]) => !op.responses['400'])
      .map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('lists 413 and 415 on every operation that reads a body', () => {
    // The plugin refuses an unread body type (requireBodyType, 415), an
    // encoding or charset it cannot read and a body over the route's limit
    // (nameBodyErrors, 413/415) on every POST, PUT and PATCH.
    const missing = operations()
      .filter(([, method]) => ['post', 'put', 'patch'].includes(method))
      .filter(
        ([, , op]) =>
          op.responses['413']?.$ref !==
            '#/components/responses/PayloadTooLarge' ||
          op.responses['415']?.$ref !==
            '#/components/responses/UnsupportedMediaType',
      )
      .map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });
});
