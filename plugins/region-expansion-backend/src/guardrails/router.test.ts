import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  accessKeyIdFor,
  attachOrganizationTree,
  createAwsSimulatorHandlers,
  createSimulatedOrganizationTree,
  guardrailSeedOf,
  createSyntheticOrganization,
  FaultInjector,
  SIMULATOR_TEST_ENDPOINT,
} from '@region-expansion/aws-simulator';
import {
  LocationCatalog,
  renderGuardrails,
} from '@region-expansion/plugin-region-expansion-node';
import { setupServer } from 'msw/node';
import request from 'supertest';
import {
  API,
  as,
  ROLE_CODES,
  rolePermissionsFactory,
} from '../__testUtils__/rolePolicy';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

/**
 * GET /locations/{locationId}/guardrail-drift through the whole plugin:
 * AWS Organizations is the simulator's msw handlers behind the real SDK,
 * read with the static keys of the management account in `aws.accounts`.
 */
const catalog = LocationCatalog.fromSnapshot();
const aws = catalog.partition('aws')!;
const org = createSyntheticOrganization(9, {
  partitions: [
    {
      id: 'aws',
      dnsSuffix: aws.dnsSuffix,
      homeRegion: aws.homeRegion,
      regions: [aws.homeRegion],
    },
  ],
  accountsPerPartition: 2,
  findingsPerAccountRegion: 1,
});
const management = org.accounts[0].id;
const plans = [
  {
    name: 'payments-de',
    targetLocation: 'eu-central-1',
    industry: 'financial-services',
    accountIds: ['600000000001'],
  },
  {
    name: 'health-de',
    targetLocation: 'eu-central-1',
    industry: 'healthcare',
    accountIds: ['600000000002'],
  },
];
attachOrganizationTree(
  org,
  createSimulatedOrganizationTree(9, {
    partition: 'aws',
    managementAccountId: management,
    accounts: 30,
    organizationalUnits: 10,
    serviceControlPolicies: 12,
    guardrails: plans.map(p => guardrailSeedOf(renderGuardrails(p, catalog))),
    drift: ['reordered', 'changed-statement'],
  }),
);
const faults = new FaultInjector({});
const mswServer = setupServer(...createAwsSimulatorHandlers(org, faults));
const PATH = `${API}/locations/eu-central-1/guardrail-drift`;

describe('GET /locations/{locationId}/guardrail-drift', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    mswServer.listen({ onUnhandledRequest: 'bypass' });
    ({ server } = await startTestBackend({
      features: [
        regionExpansionPlugin,
        rolePermissionsFactory,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              accounts: [
                {
                  accountId: management,
                  accessKeyId: accessKeyIdFor(management),
                  secretAccessKey: 'simulated',
                },
              ],
            },
            regionExpansion: {
              guardrails: {
                drift: {
                  endpoint: SIMULATOR_TEST_ENDPOINT,
                  ratePerSecond: 200,
                  burst: 20,
                  partitions: [{ partition: 'aws', accountId: management }],
                  plans,
                },
              },
            },
          },
        }),
      ],
    }));
  });

  afterAll(() => mswServer.close());

  it('answers the statement-level drift of each plan of the location', async () => {
    const res = await request(server)
      .get(PATH)
      .set('Authorization', as('engineer'));
    expect(res.status).toBe(200);
    expect(res.body.locationId).toBe('eu-central-1');
    expect(res.body.configured).toBe(true);
    const [payments, health] = res.body.plans;
    expect(payments).toMatchObject({
      plan: 'payments-de',
      status: 'ok',
      ouPath: 'Root/Europe/DE/financial-services',
      summary: [],
    });
    expect(health).toMatchObject({
      plan: 'health-de',
      status: 'drift',
      summary: [
        'SCP health-de-region-deny: statement DenyOutsideAllowedRegions is changed',
      ],
    });
    const [changed] = health.policies[0].statements.changed;
    expect(
      changed.actual.Condition.StringNotEquals['aws:RequestedRegion'],
    ).toContain('sa-east-1');
    expect(
      changed.expected.Condition.StringNotEquals['aws:RequestedRegion'],
    ).not.toContain('sa-east-1');
  });

  it('makes the drift the failing guardrail-drift readiness check of the location', async () => {
    const evaluated = await request(server)
      .post(`${API}/readiness/eu-central-1/evaluate`)
      .set('Authorization', as('platform-admin'));
    expect(evaluated.status).toBeLessThan(300);
    const latest = await request(server)
      .get(`${API}/readiness/eu-central-1`)
      .set('Authorization', as('engineer'));
    expect(latest.body.signals['guardrail-drift']).toMatchObject({
      status: 'fail',
      blockers: [
        'health-de: SCP health-de-region-deny: statement DenyOutsideAllowedRegions is changed',
      ],
    });
    expect(latest.body.level).toBe('blocked');
  });

  it('answers 404 naming an unknown location, and no plans for a location without one', async () => {
    const unknown = await request(server)
      .get(`${API}/locations/mars-north-1/guardrail-drift`)
      .set('Authorization', as('auditor'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/mars-north-1/);
    const none = await request(server)
      .get(`${API}/locations/us-east-1/guardrail-drift`)
      .set('Authorization', as('auditor'));
    expect(none.body).toEqual({
      locationId: 'us-east-1',
      configured: true,
      plans: [],
    });
  });

  it('answers anonymous 401 and every reading role 200', async () => {
    expect(
      (
        await request(server)
          .get(PATH)
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
    for (const [role] of ROLE_CODES) {
      const { status } = await request(server)
        .get(PATH)
        .set('Authorization', as(role));
      expect([role, status]).toEqual([role, 200]);
    }
  });
});
