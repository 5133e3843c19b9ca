import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  FaultInjector,
  SIMULATOR_TEST_ENDPOINT,
  simulatedFirstSpendDay,
} from '@region-expansion/aws-simulator';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { API, as, rolePermissionsFactory } from '../__testUtils__/rolePolicy';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

/**
 * The campaign routes through the whole plugin over the demo estate, with
 * Cost Explorer answered by the simulator's msw handlers behind the real
 * SDK, read with the static keys of an account in `aws.accounts`.
 */
// The demo estate's Regions of the aws partition; the campaign targets the
// one its first placed tenant lives in.
const DEMO_REGIONS = [
  'ap-northeast-1',
  'ap-southeast-2',
  'us-east-1',
  'us-west-2',
  'eu-central-1',
  'eu-west-1',
  'eu-west-3',
];
let LOCATION = '';
const org = createSyntheticOrganization(21, {
  partitions: [
    {
      id: 'aws',
      dnsSuffix: 'amazonaws.com',
      homeRegion: 'us-east-1',
      regions: DEMO_REGIONS,
    },
  ],
  accountsPerPartition: 1,
  findingsPerAccountRegion: 0,
});
const payer = org.accounts[0].id;
const mswServer = setupServer(
  ...createAwsSimulatorHandlers(org, new FaultInjector({})),
);
const costExplorerCalls = { count: 0 };
mswServer.events.on('request:start', ({ request: req }) => {
  if (req.headers.get('x-amz-target')?.startsWith('AWSInsightsIndexService'))
    costExplorerCalls.count += 1;
});
const admin = as('platform-admin');
const today = new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Its location and planned tenant are the demo's, read in `beforeAll`.
const validBody = {
  id: 'launch-paris',
  locationId: '',
  owner: 'group:default/platform-team',
  targetDate: dayOffset(30),
  plan: {
    tenantIds: [] as string[],
    classes: [{ tier: 'pool', classification: 'internal', count: 3 }],
  },
  gates: ['readiness-level', 'no-unwaived-blockers', 'cost-approved'],
};

describe('campaign routes', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let placedTenant: string;
  // The demo module seeds a launch campaign of its own.
  let seededCampaignIds: string[];

  const campaignIds = async () =>
    (
      await request(server).get(`${API}/campaigns`).set('Authorization', admin)
    ).body.items.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    mswServer.listen({ onUnhandledRequest: 'bypass' });
    ({ server } = await startTestBackend({
      features: [
        regionExpansionPlugin,
        regionExpansionModuleDemo,
        rolePermissionsFactory,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              accounts: [
                {
                  accountId: payer,
                  accessKeyId: accessKeyIdFor(payer),
                  secretAccessKey: 'simulated',
                },
              ],
            },
            regionExpansion: {
              demoData: { enabled: true, tenants: 120 },
              campaigns: {
                costExplorer: {
                  aws: { endpoint: SIMULATOR_TEST_ENDPOINT, accountId: payer },
                },
              },
            },
          },
        }),
      ],
    }));
    const placed = await request(server)
      .get(`${API}/tenants?unplaced=false&partition=aws&limit=1`)
      .set('Authorization', admin);
    placedTenant = placed.body.items[0].id;
    const cell = await request(server)
      .get(`${API}/cells/${placed.body.items[0].cellId}`)
      .set('Authorization', admin);
    LOCATION = cell.body.locationId;
    if (!DEMO_REGIONS.includes(LOCATION)) {
      throw new Error(`the simulator has no costs for ${LOCATION}`);
    }
    validBody.locationId = LOCATION;
    validBody.plan.tenantIds = [placedTenant];
    seededCampaignIds = await campaignIds();
    if (seededCampaignIds.includes(validBody.id)) {
      throw new Error(`the demo already seeds a campaign ${validBody.id}`);
    }
  });
  afterAll(() => mswServer.close());

  it.each([
    [
      'an unknown gate',
      { gates: ['readiness-level', 'bogus-gate'] },
      'gates.1',
    ],
    ['a target date in the past', { targetDate: dayOffset(-1) }, 'targetDate'],
    ['an unknown location', { locationId: 'mars-north-1' }, 'locationId'],
    ['an empty plan', { plan: { tenantIds: [], classes: [] } }, 'plan'],
  ])(
    'refuses %s with a 400 naming %s and stores nothing',
    async (_, change, field) => {
      const res = await request(server)
        .post(`${API}/campaigns`)
        .set('Authorization', admin)
        .send({ ...validBody, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
      expect(await campaignIds()).toEqual(seededCampaignIds);
    },
  );

  it('refuses a reader 403 on create and stores nothing', async () => {
    const res = await request(server)
      .post(`${API}/campaigns`)
      .set('Authorization', as('engineer'))
      .send(validBody);
    expect(res.status).toBe(403);
    expect(await campaignIds()).toEqual(seededCampaignIds);
  });

  it('creates a campaign with its gates, burn-up and time to revenue from Cost Explorer; a second with its id is a 409 and changes nothing', async () => {
    const res = await request(server)
      .post(`${API}/campaigns`)
      .set('Authorization', admin)
      .send(validBody);
    expect(res.status).toBe(201);
    expect(res.body.gates.map((g: { gateId: string }) => g.gateId)).toEqual(
      validBody.gates,
    );
    expect(
      res.body.gates.find((g: any) => g.gateId === 'cost-approved'),
    ).toMatchObject({
      state: 'failed',
    });
    expect(res.body.history).toHaveLength(3);
    expect(res.body.burnUp[0]).toMatchObject({
      date: today,
      gatesTotal: 3,
      tenantsPlanned: 4,
    });
    expect(res.body.burnUp).toHaveLength(31);
    expect(res.body.timeToRevenue.firstSpend).toEqual({
      at: `${simulatedFirstSpendDay(org, payer, LOCATION)}T00:00:00.000Z`,
      source: 'cost-explorer',
    });

    const again = await request(server)
      .post(`${API}/campaigns`)
      .set('Authorization', admin)
      .send({ ...validBody, owner: 'group:default/other' });
    expect(again.status).toBe(409);
    const stored = await request(server)
      .get(`${API}/campaigns/launch-paris`)
      .set('Authorization', as('auditor'));
    expect(stored.body.owner).toBe('group:default/platform-team');
  });

  it('approves the cost, passing its gate with the estimate or why none was priced', async () => {
    const res = await request(server)
      .post(`${API}/campaigns/launch-paris/cost-approval`)
      .set('Authorization', admin)
      .send({ note: 'fits the budget' });
    expect(res.status).toBe(200);
    expect(res.body.costApproval).toMatchObject({
      approvedBy: 'user:default/platform-admin',
      note: 'fits the budget',
    });
    const priced = res.body.costApproval.monthlyPerTenant !== undefined;
    expect(priced || !!res.body.costApproval.unpricedReason).toBe(true);
    expect(
      res.body.gates.find((g: any) => g.gateId === 'cost-approved').state,
    ).toBe('passed');
    expect(res.body.history[0]).toMatchObject({
      gateId: 'cost-approved',
      state: 'passed',
    });
  });

  it.each([
    ['a tenant not in the plan', 'not-planned', today, 'tenantId'],
    ['a day in the future', 'PLACED', dayOffset(2), 'payingSince'],
  ])(
    'refuses a paying tenant with %s, naming %s, and stores nothing',
    async (_, tenant, payingSince, field) => {
      const tenantId = tenant === 'PLACED' ? placedTenant : tenant;
      const res = await request(server)
        .put(`${API}/campaigns/launch-paris/paying-tenants/${tenantId}`)
        .set('Authorization', admin)
        .send({ payingSince });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
      const view = await request(server)
        .get(`${API}/campaigns/launch-paris`)
        .set('Authorization', admin);
      expect(view.body.payingTenants).toEqual([]);
    },
  );

  it('records a paying tenant placed in the location as the first revenue, with the spend until then', async () => {
    const res = await request(server)
      .put(`${API}/campaigns/launch-paris/paying-tenants/${placedTenant}`)
      .set('Authorization', admin)
      .send({ payingSince: today });
    expect(res.status).toBe(200);
    const ttr = res.body.timeToRevenue;
    // Placed by the demo seeding today, after the start of its paying day:
    // revenue starts when both hold.
    const history = await request(server)
      .get(`${API}/tenants/${placedTenant}/history`)
      .set('Authorization', admin);
    const placedAt = history.body.items[0].at;
    expect(ttr.firstPayingTenant).toEqual({
      tenantId: placedTenant,
      at: placedAt,
    });
    expect(ttr.days).toBeGreaterThan(0);
    expect(ttr.spendUntilFirstRevenue.currency).toBe('USD');
    expect(ttr.spendUntilFirstRevenue.amount).toBeGreaterThan(0);
  });

  it("reads a Region's costs from Cost Explorer once for the views of a day, not per request", async () => {
    const before = costExplorerCalls.count;
    for (let i = 0; i < 3; i++) {
      const view = await request(server)
        .get(`${API}/campaigns/launch-paris`)
        .set('Authorization', as('auditor'));
      expect(view.body.timeToRevenue.firstSpend.source).toBe('cost-explorer');
    }
    expect(costExplorerCalls.count - before).toBe(0);
  });

  it('re-evaluates gates, lists the campaign with its progress, and answers 404 for an unknown one', async () => {
    const evaluated = await request(server)
      .post(`${API}/campaigns/launch-paris/evaluate`)
      .set('Authorization', admin);
    expect(evaluated.status).toBe(200);
    const list = await request(server)
      .get(`${API}/campaigns?locationId=${LOCATION}`)
      .set('Authorization', as('engineer'));
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: 'launch-paris',
        gatesTotal: 3,
        tenantsPlanned: 4,
        tenantsOnboarded: expect.any(Number),
        atRisk: false,
      }),
    ]);
    expect(list.body.items[0].tenantsOnboarded).toBeGreaterThanOrEqual(1);
    const missing = await request(server)
      .get(`${API}/campaigns/no-such-campaign`)
      .set('Authorization', admin);
    expect(missing.status).toBe(404);
  });
});
