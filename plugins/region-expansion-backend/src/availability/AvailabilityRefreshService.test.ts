import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ssmGlobalInfrastructureHandlers } from '@region-expansion/aws-simulator';
import { assess } from '@region-expansion/plugin-region-expansion-node';
import { setupServer } from 'msw/node';
import {
  AvailabilityRefreshService,
  ssmClientFactory,
} from './AvailabilityRefreshService';
import { KnexAvailabilityStore } from './KnexAvailabilityStore';
import { availabilityAwsContext, readAvailabilityConfig } from './config';
import { migrated } from '../__testUtils__/database';
import {
  LIVE_AVAILABILITY,
  STATIC_KEY_ACCOUNTS,
} from '../__testUtils__/liveAvailability';

jest.setTimeout(60_000);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const SNAPSHOT = {
  snapshotDate: '2026-01-01',
  source: 'test snapshot',
  partitions: {
    aws: { regions: ['eu-west-1', 'eu-west-2'] },
    'aws-eusc': { regions: ['eusc-de-east-1'] },
  },
  locations: {
    'eu-west-1': ['kms', 's3'],
    'eu-west-2': ['kms', 'lambda', 's3'],
    'eusc-de-east-1': ['s3'],
  },
};

/** Live SSM: eu-west-1 gains lambda, eu-west-2 spans two pages and loses kms. */
const LIVE = {
  'eu-west-1': ['kms', 'lambda', 's3'],
  'eu-west-2': [
    'lambda',
    's3',
    ...Array.from({ length: 12 }, (_, i) => `x${i}`),
  ],
  'eusc-de-east-1': ['kms', 's3'],
};

const CONFIG = {
  aws: STATIC_KEY_ACCOUNTS,
  regionExpansion: {
    governance: { maxAttempts: 1 },
    availability: { live: LIVE_AVAILABILITY },
  },
};

async function create(now = () => new Date('2026-11-20T10:00:00Z')) {
  const knex = await databases.init('SQLITE_3');
  const store = KnexAvailabilityStore.create({ client: await migrated(knex) });
  const config = new ConfigReader(CONFIG);
  const live = readAvailabilityConfig(config, {
    knownPartitions: Object.keys(SNAPSHOT.partitions),
  });
  return {
    store,
    service: AvailabilityRefreshService.create({
      store,
      logger: mockServices.logger.mock(),
      enabled: live.enabled,
      partitions: live.partitions,
      clientFor: ssmClientFactory(availabilityAwsContext(config, live)),
      snapshot: SNAPSHOT,
      now,
    }),
  };
}

describe('AvailabilityRefreshService', () => {
  it('reads every page of every partition through the SDK and stores the refresh, dated', async () => {
    const ssm = ssmGlobalInfrastructureHandlers({ regions: LIVE });
    server.use(...ssm.handlers);
    const { service, store } = await create();

    const stored = await service.refresh({
      trigger: 'manual',
      requestedBy: 'user:default/platform-admin',
    });
    expect(stored.live.fetchedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(stored.live.locations['eu-west-2']).toHaveLength(14);
    expect(stored).toEqual(
      expect.objectContaining({ pagesOk: 4, pagesFailed: 0 }),
    );
    expect(await store.latest()).toEqual(stored);
    // Signed SDK requests, second page of eu-west-2 asked with its token.
    expect(
      ssm.requests
        .filter(r => r.path.endsWith('/eu-west-2/services'))
        .map(r => r.nextToken),
    ).toEqual([undefined, 'page:1']);

    const status = await service.status();
    expect(status.latest).toEqual(
      expect.objectContaining({
        fetchedAt: '2026-11-20T10:00:00.000Z',
        partitions: ['aws', 'aws-eusc'],
        pages: { ok: 4, failed: 0 },
        failures: [],
      }),
    );
    expect(status.latest?.locations).toContainEqual({
      locationId: 'eu-west-1',
      services: 3,
      complete: true,
    });

    const diff = await service.diff();
    expect(diff).toEqual({
      snapshotDate: '2026-01-01',
      fetchedAt: '2026-11-20T10:00:00.000Z',
      refreshId: stored.id,
      locations: [
        {
          locationId: 'eu-west-1',
          added: ['lambda'],
          removed: [],
          partial: false,
        },
        {
          locationId: 'eu-west-2',
          added: [],
          removed: ['kms'],
          partial: false,
        },
        {
          locationId: 'eusc-de-east-1',
          added: ['kms'],
          removed: [],
          partial: false,
        },
      ],
    });

    const index = await service.currentIndex();
    expect(index.snapshotDate).toBe('2026-11-20');
    expect(index.has('lambda', 'eu-west-1')).toBe(true);
    expect(index.has('kms', 'eu-west-2')).toBe(false);
  });

  it('dates the availability signal of a location the refresh did not read with the snapshot’s date', async () => {
    const ssm = ssmGlobalInfrastructureHandlers({ regions: LIVE });
    server.use(...ssm.handlers);
    const { service } = await create();
    await service.refresh({
      trigger: 'manual',
      requestedBy: 'user:default/platform-admin',
      partitions: ['aws'],
    });

    const index = await service.currentIndex();
    const signalOf = (target: string) =>
      assess({
        footprint: {
          services: [{ code: 'kms', sources: ['iac'], actions: [] }],
          crossRegion: [],
          unknown: [],
        },
        target,
        availability: index,
        now: new Date('2026-11-20T11:00:00Z'),
      }).signals.availability;
    expect(signalOf('eu-west-1')).toMatchObject({
      status: 'pass',
      observedAt: '2026-11-20T10:00:00.000Z',
    });
    // aws-eusc was not read: its data, and the gap found in it, are the
    // snapshot's of 2026-01-01, not the refresh's.
    expect(signalOf('eusc-de-east-1')).toMatchObject({
      status: 'fail',
      observedAt: '2026-01-01',
      blockers: [
        expect.stringContaining('per availability data of 2026-01-01'),
      ],
    });
    expect(index.snapshotDate).toBe('2026-01-01');
  });

  it('keeps a failing page as failed and stores every other page', async () => {
    const ssm = ssmGlobalInfrastructureHandlers({
      regions: LIVE,
      failingPages: [
        '/aws/service/global-infrastructure/regions/eu-west-2/services#1',
      ],
    });
    server.use(...ssm.handlers);
    const { service } = await create();

    const stored = await service.refresh({
      trigger: 'scheduled',
      requestedBy: 'scheduler',
    });
    expect(stored.pagesOk).toBe(3);
    expect(stored.pagesFailed).toBe(1);
    expect(stored.live.incomplete).toEqual(['eu-west-2']);
    expect(stored.live.failures).toEqual([
      expect.objectContaining({ locationId: 'eu-west-2', page: 1 }),
    ]);
    expect(stored.live.locations['eu-west-2']).toHaveLength(10);
    expect(stored.live.locations['eu-west-1']).toEqual(LIVE['eu-west-1']);

    // Incomplete listing: nothing proven removed, gains still merged.
    const diff = await service.diff();
    expect(diff.locations).toContainEqual({
      locationId: 'eu-west-2',
      added: [],
      removed: [],
      partial: true,
    });
    const index = await service.currentIndex();
    expect(index.has('kms', 'eu-west-2')).toBe(true);
  });

  it('refuses a second refresh while one runs, and names a bad partition', async () => {
    const ssm = ssmGlobalInfrastructureHandlers({ regions: LIVE });
    server.use(...ssm.handlers);
    const { service } = await create();

    const first = service.refresh({ trigger: 'manual', requestedBy: 'a' });
    await expect(
      service.refresh({ trigger: 'manual', requestedBy: 'b' }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await first;
    await expect(
      service.refresh({
        trigger: 'manual',
        requestedBy: 'a',
        partitions: ['aws', 'aws-iso'],
      }),
    ).rejects.toThrow(
      /^partitions\[1\]: 'aws-iso' is not a configured partition/,
    );
  });

  it('stores no credential error text when a partition’s client cannot be built', async () => {
    const knex = await databases.init('SQLITE_3');
    const logger = mockServices.logger.mock();
    const service = AvailabilityRefreshService.create({
      store: KnexAvailabilityStore.create({ client: await migrated(knex) }),
      logger,
      enabled: true,
      partitions: ['aws-eusc'],
      clientFor: async () => {
        throw new Error(
          'AccessDenied: arn:aws-eusc:iam::444455556666:role/reader secret AKIDLEAK',
        );
      },
      snapshot: SNAPSHOT,
    });
    const stored = await service.refresh({
      trigger: 'manual',
      requestedBy: 'a',
    });
    expect(stored.live.failures).toEqual([
      {
        locationId: 'eusc-de-east-1',
        path: '/aws/service/global-infrastructure/regions/eusc-de-east-1/services',
        page: 0,
        reasonKind: 'invalid-credentials',
        error:
          'no SSM client for partition aws-eusc: the credentials of its account could not be set up; the backend log has the error',
      },
    ]);
    // GET /availability answers each failure with its class and sentence.
    expect((await service.status()).latest?.failures).toEqual(
      stored.live.failures,
    );
    expect(JSON.stringify(await service.status())).not.toMatch(
      /AKIDLEAK|444455556666/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('AKIDLEAK'),
    );
  });

  it('is a 404 to diff before the first refresh and 503 to refresh when disabled', async () => {
    const knex = await databases.init('SQLITE_3');
    const service = AvailabilityRefreshService.create({
      store: KnexAvailabilityStore.create({ client: await migrated(knex) }),
      logger: mockServices.logger.mock(),
      enabled: false,
      partitions: ['aws'],
      snapshot: SNAPSHOT,
    });
    await expect(service.diff()).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      service.refresh({ trigger: 'manual', requestedBy: 'a' }),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
    expect((await service.currentIndex()).snapshotDate).toBe('2026-01-01');
  });
});

describe('readAvailabilityConfig', () => {
  it('defaults the account to the partition’s first governance account', () => {
    const live = readAvailabilityConfig(
      new ConfigReader({
        regionExpansion: {
          governance: {
            targets: [{ partition: 'aws', accounts: ['222233334444'] }],
          },
          availability: { live: { enabled: true, partitions: ['aws'] } },
        },
      }),
      { knownPartitions: ['aws', 'aws-eusc'] },
    );
    expect(live.accountOf).toEqual({ aws: '222233334444' });
    expect(live.schedule.frequency).toEqual({ hours: 24 });
  });

  it('starts without an account for a partition, which refreshes then skip', () => {
    const live = readAvailabilityConfig(
      new ConfigReader({
        regionExpansion: {
          availability: { live: { enabled: true, partitions: ['aws'] } },
        },
      }),
      { knownPartitions: ['aws', 'aws-eusc'] },
    );
    expect(live).toEqual(
      expect.objectContaining({ enabled: true, accountOf: {} }),
    );
  });

  it.each([
    [{ partitions: ['aws', 'nope'] }, /live\.partitions\[1\]: 'nope'/],
    [
      { account: '111122223333' },
      /live\.account: one account cannot read every partition/,
    ],
    [
      { accounts: { aws: '12' } },
      /live\.accounts\.aws: '12' must be a 12-digit/,
    ],
  ])('names the key of %j', (live, message) => {
    expect(() =>
      readAvailabilityConfig(
        new ConfigReader({ regionExpansion: { availability: { live } } }),
        { knownPartitions: ['aws', 'aws-eusc'] },
      ),
    ).toThrow(message);
  });
});
