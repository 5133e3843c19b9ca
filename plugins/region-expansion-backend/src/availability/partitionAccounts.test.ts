import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  AvailabilityRefreshService,
  ssmClientFactory,
} from './AvailabilityRefreshService';
import { KnexAvailabilityStore } from './KnexAvailabilityStore';
import { availabilityAwsContext, readAvailabilityConfig } from './config';
import { migrated } from '../__testUtils__/database';

/**
 * Live availability reads each partition with that partition's account
 * (nothing crosses a partition), through the real SDK against the AWS
 * simulator, which attributes each request to the account of its access key.
 * A partition without an account is skipped and said so, never read with
 * another partition's account.
 */

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const org = createSyntheticOrganization(1, {
  partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
  accountsPerPartition: 2,
  findingsPerAccountRegion: 0,
});
const AWS_ACCOUNT = org.accounts.find(a => a.partition === 'aws')!.id;
const EUSC_ACCOUNT = org.accounts.find(a => a.partition === 'aws-eusc')!.id;

const SNAPSHOT = {
  snapshotDate: '2026-01-01',
  source: 'test snapshot',
  partitions: {
    aws: { regions: ['eu-west-1', 'us-east-1'] },
    'aws-eusc': { regions: ['eusc-de-east-1'] },
    'aws-us-gov': { regions: ['us-gov-west-1'] },
  },
  locations: {
    'eu-west-1': ['s3'],
    'us-east-1': ['s3'],
    'eusc-de-east-1': ['s3'],
    'us-gov-west-1': ['s3'],
  },
};

const GLOBAL_INFRASTRUCTURE = {
  regions: Object.entries(SNAPSHOT.partitions).flatMap(
    ([partition, { regions }]) => regions.map(id => ({ id, partition })),
  ),
  services: [
    { code: 's3', regions: Object.keys(SNAPSHOT.locations) },
    { code: 'kms', regions: ['eu-west-1', 'eusc-de-east-1'] },
  ],
};

const server = setupServer(
  ...createAwsSimulatorHandlers(
    org,
    {},
    { globalInfrastructure: GLOBAL_INFRASTRUCTURE },
  ),
);

/** Every SSM request the simulator answered: its access key, Region and Path. */
let recorded: Array<Promise<{ keyId: string; region: string; path: string }>>;
server.events.on('request:start', ({ request }) => {
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/ssm\//.exec(
    request.headers.get('authorization') ?? '',
  );
  if (!scope) return;
  recorded.push(
    request
      .clone()
      .json()
      .then((body: { Path: string }) => ({
        keyId: scope[1],
        region: scope[2],
        path: body.Path,
      })),
  );
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  recorded = [];
});
afterAll(() => server.close());

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Static keys of every simulated account, as the simulator hands them out. */
const AWS_ACCOUNTS = {
  accounts: org.accounts.map(a => ({
    accountId: a.id,
    accessKeyId: accessKeyIdFor(a.id),
    secretAccessKey: 'simulated',
  })),
};

async function create(live: object) {
  const config = new ConfigReader({
    aws: AWS_ACCOUNTS,
    regionExpansion: {
      governance: { endpoint: SIMULATOR_TEST_ENDPOINT, maxAttempts: 1 },
      availability: { live },
    },
  });
  const liveConfig = readAvailabilityConfig(config, {
    knownPartitions: Object.keys(SNAPSHOT.partitions),
  });
  const knex = await databases.init('SQLITE_3');
  const logger = mockServices.logger.mock();
  const service = AvailabilityRefreshService.create({
    store: KnexAvailabilityStore.create({ client: await migrated(knex) }),
    logger,
    enabled: liveConfig.enabled,
    partitions: liveConfig.partitions,
    clientFor: ssmClientFactory(availabilityAwsContext(config, liveConfig)),
    snapshot: SNAPSHOT,
  });
  return { service, logger };
}

describe('live availability credentials per partition', () => {
  it('reads each partition with its own account and skips one without', async () => {
    const { service, logger } = await create({
      enabled: true,
      partitions: ['aws', 'aws-eusc', 'aws-us-gov'],
      accounts: { aws: AWS_ACCOUNT, 'aws-eusc': EUSC_ACCOUNT },
    });

    const stored = await service.refresh({
      trigger: 'manual',
      requestedBy: 'user:default/platform-admin',
    });

    const requests = await Promise.all(recorded);
    const byRegionListed = (region: string) =>
      requests.filter(r =>
        r.path.startsWith(
          `/aws/service/global-infrastructure/regions/${region}/`,
        ),
      );
    for (const region of ['eu-west-1', 'us-east-1']) {
      expect(byRegionListed(region).map(r => [r.keyId, r.region])).toEqual([
        [accessKeyIdFor(AWS_ACCOUNT), 'us-east-1'],
      ]);
    }
    expect(
      byRegionListed('eusc-de-east-1').map(r => [r.keyId, r.region]),
    ).toEqual([[accessKeyIdFor(EUSC_ACCOUNT), 'eusc-de-east-1']]);
    // Nobody's credentials read the partition without an account.
    expect(byRegionListed('us-gov-west-1')).toEqual([]);
    expect(requests).toHaveLength(3);

    expect(stored.partitions).toEqual(['aws', 'aws-eusc']);
    expect(stored.skipped).toEqual([
      {
        partition: 'aws-us-gov',
        reason: expect.stringMatching(
          /^no account reads SSM in partition aws-us-gov: set regionExpansion\.availability\.live\.accounts\.aws-us-gov/,
        ),
      },
    ]);
    expect(Object.keys(stored.live.locations)).toEqual([
      'eu-west-1',
      'eusc-de-east-1',
      'us-east-1',
    ]);
    expect(stored.live.locations['eusc-de-east-1']).toEqual(['kms', 's3']);
    expect(stored.pagesFailed).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Availability refresh skipped partition aws-us-gov: no account reads SSM in partition aws-us-gov/,
      ),
    );
    expect((await service.status()).latest).toEqual(
      expect.objectContaining({
        partitions: ['aws', 'aws-eusc'],
        skipped: [expect.objectContaining({ partition: 'aws-us-gov' })],
      }),
    );
  });

  it('stores and shows a classified reason, never the AWS error text, when SSM denies a partition’s account', async () => {
    // The simulator denies like IAM: the message names the caller's
    // assumed-role ARN and account id.
    server.use(
      ...createAwsSimulatorHandlers(
        org,
        { accessDeniedAccounts: [EUSC_ACCOUNT] },
        { globalInfrastructure: GLOBAL_INFRASTRUCTURE },
      ),
    );
    try {
      const { service, logger } = await create({
        enabled: true,
        partitions: ['aws', 'aws-eusc'],
        accounts: { aws: AWS_ACCOUNT, 'aws-eusc': EUSC_ACCOUNT },
      });
      const stored = await service.refresh({
        trigger: 'manual',
        requestedBy: 'user:default/platform-admin',
      });

      expect(stored.live.incomplete).toEqual(['eusc-de-east-1']);
      expect(stored.live.failures).toEqual([
        {
          locationId: 'eusc-de-east-1',
          path: '/aws/service/global-infrastructure/regions/eusc-de-east-1/services',
          page: 0,
          reasonKind: 'access-denied',
          error: expect.stringMatching(/^SSM refused access to/),
        },
      ]);
      const leak = new RegExp(`arn:|${EUSC_ACCOUNT}|GovernanceReader`);
      expect(JSON.stringify(stored)).not.toMatch(leak);
      // GET /availability answers with this status.
      expect(JSON.stringify(await service.status())).not.toMatch(leak);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(`arn:aws-eusc:sts::${EUSC_ACCOUNT}:`),
      );
    } finally {
      server.resetHandlers();
    }
  });

  it('takes a partition’s account from its governance targets by default', async () => {
    const config = new ConfigReader({
      aws: AWS_ACCOUNTS,
      regionExpansion: {
        governance: {
          endpoint: SIMULATOR_TEST_ENDPOINT,
          maxAttempts: 1,
          targets: [
            { partition: 'aws', accounts: [AWS_ACCOUNT] },
            { partition: 'aws-eusc', accounts: [EUSC_ACCOUNT] },
          ],
        },
        availability: {
          live: { enabled: true, partitions: ['aws', 'aws-eusc'] },
        },
      },
    });
    expect(
      readAvailabilityConfig(config, {
        knownPartitions: Object.keys(SNAPSHOT.partitions),
      }).accountOf,
    ).toEqual({ aws: AWS_ACCOUNT, 'aws-eusc': EUSC_ACCOUNT });
  });

  it('reads each partition of the demo portal with an account the simulator places in it', () => {
    // The stack ./scripts/portal start loads; the simulator runs seed 1 with
    // five accounts per partition (scripts/portal, packages/aws-simulator).
    const root = path.resolve(__dirname, '../../../..');
    const config = ConfigReader.fromConfigs(
      ['app-config.yaml', 'app-config.demo.yaml'].map(file => ({
        context: file,
        data: parseYaml(fs.readFileSync(path.join(root, file), 'utf8')),
      })),
    );
    const live = readAvailabilityConfig(config);
    const simulated = createSyntheticOrganization(1, {
      partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
      accountsPerPartition: 5,
      findingsPerAccountRegion: 0,
    });
    expect(live.enabled).toBe(true);
    expect(live.partitions).toEqual(['aws', 'aws-eusc']);
    for (const partition of live.partitions) {
      const account = simulated.accounts.find(
        a => a.id === live.accountOf[partition],
      );
      expect({ partition, accountPartition: account?.partition }).toEqual({
        partition,
        accountPartition: partition,
      });
    }
  });

  it.each([
    [
      { account: AWS_ACCOUNT },
      /^Invalid config at regionExpansion\.availability\.live\.account: one account cannot read every partition/,
    ],
    [
      { accounts: { 'aws-moon': AWS_ACCOUNT } },
      /^Invalid config at regionExpansion\.availability\.live\.accounts\.aws-moon: 'aws-moon' is not a partition this refresh reads \(aws, aws-eusc\)/,
    ],
    [
      { accounts: { aws: '12' } },
      /^Invalid config at regionExpansion\.availability\.live\.accounts\.aws: '12' must be a 12-digit account id/,
    ],
    [
      { accounts: { aws: AWS_ACCOUNT, 'aws-eusc': AWS_ACCOUNT } },
      /^Invalid config at regionExpansion\.availability\.live\.accounts\.aws-eusc: account \d{12} also reads partition aws; an account belongs to one partition/,
    ],
  ])('names the key of %j', (live, message) => {
    expect(() =>
      readAvailabilityConfig(
        new ConfigReader({
          regionExpansion: {
            availability: {
              live: { enabled: true, partitions: ['aws', 'aws-eusc'], ...live },
            },
          },
        }),
        { knownPartitions: Object.keys(SNAPSHOT.partitions) },
      ),
    ).toThrow(message);
  });

  it('refuses an account that governance targets in another partition', () => {
    expect(() =>
      readAvailabilityConfig(
        new ConfigReader({
          regionExpansion: {
            governance: {
              targets: [{ partition: 'aws', accounts: [AWS_ACCOUNT] }],
            },
            availability: {
              live: {
                enabled: true,
                partitions: ['aws', 'aws-eusc'],
                accounts: { 'aws-eusc': AWS_ACCOUNT },
              },
            },
          },
        }),
        { knownPartitions: Object.keys(SNAPSHOT.partitions) },
      ),
    ).toThrow(
      `Invalid config at regionExpansion.availability.live.accounts.aws-eusc: account ${AWS_ACCOUNT} is a governance target of partition aws (regionExpansion.governance.targets); nothing crosses a partition`,
    );
  });
});
