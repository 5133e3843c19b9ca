import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  FaultInjector,
  SIMULATOR_TEST_ENDPOINT,
  simulatedFirstSpendDay,
  simulatedPartitionsOf,
} from '@region-expansion/aws-simulator';
import { setupServer } from 'msw/node';
import { campaignFixture } from '../__testUtils__/campaignFixtures';
import { LocationCatalog } from '../locations';
import {
  createCostExplorerClient,
  readRegionDailyCosts,
} from './readRegionDailyCosts';
import { timeToRevenue } from './timeToRevenue';

const org = createSyntheticOrganization(11, {
  partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), [
    'aws',
    'aws-eusc',
  ]),
  accountsPerPartition: 2,
  regionsPerPartition: 3,
  findingsPerAccountRegion: 0,
});
const faults = new FaultInjector({});
const server = setupServer(...createAwsSimulatorHandlers(org, faults));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  faults.faults.accessDeniedAccounts = [];
});

const accountOf = (partition: string) =>
  org.accounts.find(a => a.partition === partition)!;
const clientOf = (partition: string, region: string) =>
  createCostExplorerClient({
    endpoint: SIMULATOR_TEST_ENDPOINT,
    region,
    maxAttempts: 1,
    credentials: {
      accessKeyId: accessKeyIdFor(accountOf(partition).id),
      secretAccessKey: 'simulated',
    },
  });

const region = org.regionsOf('aws')[1].id;
const euscRegion = org.regionsOf('aws-eusc')[0].id;
const firstSpendDay = org.accounts
  .filter(a => a.partition === 'aws')
  .map(a => simulatedFirstSpendDay(org, a.id, region))
  .sort()[0];
const range = { region, from: '2026-01-01', to: '2026-11-30' };
const campaign = campaignFixture({
  locationId: region,
  createdAt: '2026-11-01T09:00:00.000Z',
  payingTenants: [
    { tenantId: 'acme', payingSince: '2026-11-10' },
    { tenantId: 'globex', payingSince: '2026-11-05' },
    { tenantId: 'not-planned', payingSince: '2026-11-01' },
  ],
});
const placements = [
  {
    tenantId: 'acme',
    tier: 'silo',
    classification: 'restricted',
    placedAt: '2026-11-12T00:00:00.000Z',
  },
  {
    tenantId: 'globex',
    tier: 'pool',
    classification: 'internal',
    placedAt: '2026-11-08T06:00:00.000Z',
  },
  {
    tenantId: 'not-planned',
    tier: 'pool',
    classification: 'internal',
    placedAt: '2026-11-01T00:00:00.000Z',
  },
];

describe('timeToRevenue', () => {
  it('counts from the first day with cost in Cost Explorer (simulator, real SDK) to the first paying planned tenant placed there', async () => {
    const costs = await readRegionDailyCosts(
      clientOf('aws', 'us-east-1'),
      range,
    );
    expect('days' in costs && costs.days).toHaveLength(334);
    const result = timeToRevenue(campaign, costs, placements);
    expect(result.firstSpend).toEqual({
      at: `${firstSpendDay}T00:00:00.000Z`,
      source: 'cost-explorer',
    });
    // globex: paying since 11-05 but placed on 11-08, earlier than acme.
    expect(result.firstPayingTenant).toEqual({
      tenantId: 'globex',
      at: '2026-11-08T06:00:00.000Z',
    });
    const days = Math.floor(
      (Date.parse('2026-11-08T06:00:00Z') -
        Date.parse(`${firstSpendDay}T00:00:00Z`)) /
        86_400_000,
    );
    expect(result.days).toBe(days);
    const expectedSpend =
      'days' in costs
        ? costs.days
            .filter(d => d.date <= '2026-11-08')
            .reduce((sum, d) => sum + d.amount, 0)
        : NaN;
    expect(result.spendUntilFirstRevenue?.currency).toBe('USD');
    expect(result.spendUntilFirstRevenue?.amount).toBeCloseTo(expectedSpend, 2);
    expect(result.spendUntilFirstRevenue!.amount).toBeGreaterThan(0);
  });

  it('falls back to the campaign start, with a reason, when Cost Explorer has no data (aws-eusc)', async () => {
    const costs = await readRegionDailyCosts(clientOf('aws-eusc', euscRegion), {
      ...range,
      region: euscRegion,
    });
    const result = timeToRevenue(campaign, costs, placements);
    expect(result.firstSpend).toEqual({
      at: '2026-11-01T09:00:00.000Z',
      source: 'campaign-start',
      reason: `Cost Explorer shows no spend in the Region of ${region} yet.`,
    });
    expect(result.days).toBe(6);
  });

  it('falls back to the campaign start with a fixed reason, never the AWS text, when access is denied', async () => {
    faults.faults.accessDeniedAccounts = [accountOf('aws').id];
    const costs = await readRegionDailyCosts(
      clientOf('aws', 'us-east-1'),
      range,
    );
    expect(costs).toEqual({
      unreadable: 'Cost Explorer denied access to the configured account.',
    });
    const result = timeToRevenue(campaign, costs, placements);
    expect(result.firstSpend.source).toBe('campaign-start');
    expect(result.spendUntilFirstRevenue).toBeUndefined();
    expect(result.reason).toBe(
      'The spend until then is unknown: Cost Explorer denied access to the configured account.',
    );
  });

  it('says why there is no figure while no planned, placed tenant pays', () => {
    const result = timeToRevenue(
      campaignFixture({ locationId: region }),
      { unreadable: 'Cost Explorer is not configured for aws.' },
      placements,
    );
    expect(result).toEqual({
      firstSpend: {
        at: '2026-11-01T09:00:00.000Z',
        source: 'campaign-start',
        reason: 'Cost Explorer is not configured for aws.',
      },
      reason: `No planned tenant placed in ${region} is recorded as paying yet.`,
    });
  });
});
