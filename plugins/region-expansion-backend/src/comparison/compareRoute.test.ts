import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import request from 'supertest';
import { appWithErrors } from '../__testUtils__/appWithErrors';
import {
  conditionalPermissions,
  inPartitions,
} from '../__testUtils__/conditionalPolicy';
import {
  createEstateServices,
  createEstateStores,
  migrated,
} from '../__testUtils__/estate';
import {
  PRICED_REGIONS,
  useSimulatedPrices,
} from '../__testUtils__/simulatedPrices';
import { KnexReadinessStore } from '../readiness/KnexReadinessStore';
import { ReadinessService } from '../readiness/ReadinessService';
import { createRouter } from '../routing/createRouter';
import { ComparisonService } from './ComparisonService';

jest.setTimeout(60_000);

const prices = useSimulatedPrices();
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const footprint: Footprint = {
  services: ['s3', 'lambda', 'dynamodb', 'kms'].map(code => ({
    code,
    sources: ['iac'],
    actions: [],
  })),
  crossRegion: [],
  unknown: [],
};
const euClass = {
  name: 'eu-confidential',
  residency: { jurisdictions: ['EU'] },
  classification: 'confidential',
  tier: 'bridge',
  expectedTenants: 40,
  loadUnits: 3,
  countries: ['DE', 'FR'],
};
const candidates = [...PRICED_REGIONS, 'eusc-de-east-1'];

/** POST /comparisons against a fresh estate, with `permissions`. */
async function appWith(
  permissions: PermissionsService = mockServices.permissions(),
) {
  const client = await migrated(await databases.init('SQLITE_3'));
  const services = createEstateServices(createEstateStores(client));
  const readiness = ReadinessService.create({
    store: KnexReadinessStore.create({ client }),
    estate: services.estate,
    logger: mockServices.logger.mock(),
  });
  const cost = await prices.create();
  const comparison = ComparisonService.create({
    estate: services.estate,
    readiness,
    prices: cost,
  });
  const app = appWithErrors(
    await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions,
      ...services,
      readiness,
      comparison,
    }),
  );
  return {
    readiness,
    cost,
    post: (body: object) => request(app).post('/comparisons').send(body),
  };
}

describe('POST /comparisons', () => {
  let app: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    app = await appWith();
  });

  it('ranks every candidate per class, qualifying first, with synthetic prices labelled and no price for aws-eusc', async () => {
    const res = await app.post({
      footprint,
      tenantClasses: [euClass],
      candidates,
    });
    expect(res.status).toBe(200);
    expect(res.body.synthetic).toBe(true);
    expect(res.body.footprint).toEqual({ source: 'request', services: 4 });
    const [ranked] = res.body.classes;
    expect(ranked.name).toBe('eu-confidential');
    expect(ranked.ranked.map((r: any) => r.locationId).sort()).toEqual(
      [...candidates].sort(),
    );
    expect(
      ranked.ranked
        .slice(0, 2)
        .map((r: any) => r.locationId)
        .sort(),
    ).toEqual(['eu-central-1', 'eu-west-1']);
    const us = ranked.ranked.find((r: any) => r.locationId === 'us-east-1');
    expect(us.qualifies).toBe(false);
    expect(us.gaps[0].rule).toBe('residency-requirement');
    const eusc = ranked.ranked.find(
      (r: any) => r.locationId === 'eusc-de-east-1',
    );
    expect(eusc.cost.status).toBe('no-price');
    expect(eusc.cost).not.toHaveProperty('monthlyPerTenant');
    expect(ranked.ranked[0].cost).toEqual(
      expect.objectContaining({
        status: 'priced',
        currency: 'USD',
        synthetic: true,
        monthlyPerTenant: expect.any(Number),
      }),
    );
    expect(ranked.ranked[0].why.length).toBeGreaterThan(3);
  });

  it('prices each Region once and keeps the prices warm for the next request', async () => {
    const fresh = await appWith();
    const body = { footprint, tenantClasses: [euClass], candidates };
    expect((await fresh.post(body)).status).toBe(200);
    const cold = fresh.cost.sources().priceListCalls;
    expect(cold).toBeGreaterThan(0);
    expect((await fresh.post(body)).status).toBe(200);
    expect(fresh.cost.sources().priceListCalls).toBe(cold);
  });

  it('compares the stored application-plane footprint when the body has none, and says so', async () => {
    const empty = await appWith();
    const missing = await empty.post({ tenantClasses: [euClass], candidates });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(
      /^footprint: is required: no application-plane footprint is stored/,
    );
    await empty.readiness.putFootprint(footprint, {
      source: 'test',
      actor: 'user:default/test',
    });
    const res = await empty.post({ tenantClasses: [euClass], candidates });
    expect(res.status).toBe(200);
    expect(res.body.footprint).toEqual({ source: 'stored', services: 4 });
  });

  it.each([
    [
      'an unknown location',
      { candidates: ['eu-west-1', 'mars-1'] },
      /^candidates\.1: 'mars-1' is not a known location/,
    ],
    [
      'an empty footprint',
      { footprint: { ...footprint, services: [] } },
      /footprint\.services: must name at least one service/,
    ],
    [
      'an unknown service code',
      {
        footprint: {
          ...footprint,
          services: [{ code: 'warp-drive', sources: ['iac'], actions: [] }],
        },
      },
      /^footprint\.services\.0\.code: 'warp-drive' is not a known SSM service code/,
    ],
    [
      'countries outside the required partition',
      {
        tenantClasses: [
          {
            ...euClass,
            residency: { partition: 'aws-eusc', countries: ['FR'] },
          },
        ],
      },
      /^tenantClasses\.0\.residency\.countries: .*aws-eusc has locations only in DE/,
    ],
    [
      'an absurd number of tenants',
      { tenantClasses: [{ ...euClass, expectedTenants: 1e12 }] },
      /tenantClasses\.0\.expectedTenants: must be at most 100000/,
    ],
    [
      'a negative load',
      { tenantClasses: [{ ...euClass, loadUnits: -1 }] },
      /tenantClasses\.0\.loadUnits: must not be negative/,
    ],
    [
      'four tenant classes',
      {
        tenantClasses: ['a', 'b', 'c', 'd'].map(name => ({ ...euClass, name })),
      },
      /tenantClasses: must name at most 3 tenant classes/,
    ],
    [
      'a negative override',
      { bomOverrides: { 'storage.s3': -5 } },
      /bomOverrides\.storage\.s3: must not be negative/,
    ],
  ])('answers 400 naming the field for %s', async (_what, change, message) => {
    const res = await app.post({
      footprint,
      tenantClasses: [euClass],
      candidates,
      ...change,
    });
    expect([res.status, res.body.error?.message]).toEqual([
      400,
      expect.stringMatching(message),
    ]);
  });

  it('ranks only the locations a scoped caller may read, and treats naming another as unknown', async () => {
    const scoped = await appWith(
      conditionalPermissions(inPartitions('aws-eusc')),
    );
    const res = await scoped.post({
      footprint,
      tenantClasses: [{ ...euClass, residency: {} }],
    });
    expect(res.status).toBe(200);
    expect(
      new Set(res.body.classes[0].ranked.map((r: any) => r.partition)),
    ).toEqual(new Set(['aws-eusc']));
    const outside = await scoped.post({
      footprint,
      tenantClasses: [euClass],
      candidates: ['eu-west-1'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(
      /^candidates\.0: 'eu-west-1' is not a known location/,
    );
  });

  it('refuses a caller without readiness read before reading the body', async () => {
    const denied = await appWith(
      mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
        authorizeConditional: async () => [{ result: AuthorizeResult.DENY }],
      }),
    );
    const res = await denied.post({ footprint, tenantClasses: [euClass] });
    expect(res.status).toBe(403);
  });
});
