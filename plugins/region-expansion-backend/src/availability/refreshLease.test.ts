import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ssmGlobalInfrastructureHandlers } from '@region-expansion/aws-simulator';
import { knex as createKnex, Knex } from 'knex';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  AvailabilityRefreshService,
  ssmClientFactory,
} from './AvailabilityRefreshService';
import { KnexAvailabilityStore } from './KnexAvailabilityStore';
import { availabilityAwsContext, readAvailabilityConfig } from './config';
import { migrated } from '../__testUtils__/database';

/**
 * "One refresh at a time" holds across replicas: the guard is a lease row in
 * the availability store's database, taken atomically, with an expiry so a
 * crashed replica does not block refreshes forever. Two services on separate
 * connection pools to one database stand for two backend replicas.
 */

jest.setTimeout(120_000);

const mswServer = setupServer();
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const SNAPSHOT = {
  snapshotDate: '2026-01-01',
  source: 'test snapshot',
  partitions: { aws: { regions: ['eu-west-1'] } },
  locations: { 'eu-west-1': ['s3'] },
};

const CONFIG = new ConfigReader({
  aws: {
    accounts: [
      {
        accountId: '111122223333',
        accessKeyId: 'AKIDTEST',
        secretAccessKey: 'secret',
      },
    ],
  },
  regionExpansion: {
    governance: {
      maxAttempts: 1,
      targets: [{ partition: 'aws', accounts: ['111122223333'] }],
    },
    availability: { live: { enabled: true, partitions: ['aws'] } },
  },
});

/** A second connection pool to the same database, as another replica has. */
function secondPool(knex: Knex): Knex {
  if (knex.client.config.client !== 'pg') return knex;
  return createKnex({
    client: 'pg',
    connection: knex.client.config.connection,
    pool: { min: 0, max: 2 },
  });
}

/** SSM answers only once `open()` is called; `reached` resolves at the first request. */
function gatedSsm() {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>(resolve => {
    open = resolve;
  });
  const firstRequest = new Promise<void>(resolve => {
    reached = resolve;
  });
  const ssm = ssmGlobalInfrastructureHandlers({
    regions: { 'eu-west-1': ['kms', 's3'] },
  });
  mswServer.use(
    http.post(/^https:\/\/ssm\./, async () => {
      reached();
      await gate;
      return undefined; // on to the SSM handlers
    }),
    ...ssm.handlers,
  );
  return { open, firstRequest };
}

async function replica(knex: Knex, now: () => Date) {
  const store = KnexAvailabilityStore.create({ client: await migrated(knex) });
  const live = readAvailabilityConfig(CONFIG, { knownPartitions: ['aws'] });
  const service = AvailabilityRefreshService.create({
    store,
    logger: mockServices.logger.mock(),
    enabled: true,
    partitions: live.partitions,
    clientFor: ssmClientFactory(availabilityAwsContext(CONFIG, live)),
    snapshot: SNAPSHOT,
    now,
  });
  return { store, service };
}

describe.each(databases.eachSupportedId())(
  'availability refresh lease on %p',
  databaseId => {
    let pools: Knex[] = [];
    afterEach(async () => {
      await Promise.all(pools.map(p => p.destroy()));
      pools = [];
    });

    async function twoReplicas(now: () => Date) {
      const knex = await databases.init(databaseId);
      const other = secondPool(knex);
      if (other !== knex) pools.push(other);
      return [await replica(knex, now), await replica(other, now)] as const;
    }

    it('refuses a refresh on a second replica while the first runs, then runs one', async () => {
      const [a, b] = await twoReplicas(() => new Date());
      const ssm = gatedSsm();

      const first = a.service.refresh({
        trigger: 'scheduled',
        requestedBy: 'scheduler',
      });
      await ssm.firstRequest;
      // Without a shared guard the second replica would start reading too
      // and wait at the gate.
      const startedAnyway = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error('the second replica started a refresh')),
          10_000,
        ).unref(),
      );
      await expect(
        Promise.race([
          b.service.refresh({
            trigger: 'manual',
            requestedBy: 'user:default/platform-admin',
          }),
          startedAnyway,
        ]),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /^An availability refresh is already running \(requested by scheduler at .+\)/,
        ),
      });
      expect((await b.service.status()).running).toBe(true);

      ssm.open();
      await first;
      expect((await b.service.status()).running).toBe(false);
      const second = await b.service.refresh({
        trigger: 'manual',
        requestedBy: 'user:default/platform-admin',
      });
      expect(second.requestedBy).toBe('user:default/platform-admin');
      expect(second.live.locations['eu-west-1']).toEqual(['kms', 's3']);
    });

    it('lets a refresh run once a crashed replica’s lease has expired', async () => {
      let clock = new Date('2026-11-20T10:00:00Z').getTime();
      const [a, b] = await twoReplicas(() => new Date(clock));
      gatedSsm().open();

      // A replica took the lease and died without releasing it.
      expect(
        await a.store.acquireRefreshLease({
          holder: 'crashed-replica',
          requestedBy: 'scheduler',
          now: new Date(clock),
          durationMs: 5 * 60_000,
        }),
      ).toEqual({ acquired: true });
      await expect(
        b.service.refresh({ trigger: 'manual', requestedBy: 'u' }),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      clock += 5 * 60_000 + 1;
      expect((await b.service.status()).running).toBe(false);
      const stored = await b.service.refresh({
        trigger: 'manual',
        requestedBy: 'u',
      });
      expect(stored.pagesOk).toBe(1);
      // The lease is released after the refresh: the next one runs too.
      await b.service.refresh({ trigger: 'manual', requestedBy: 'u' });
    });

    it('gives the lease to exactly one of many replicas asking at once', async () => {
      const [a, b] = await twoReplicas(() => new Date());
      const now = new Date();
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).store.acquireRefreshLease({
            holder: `replica-${i}`,
            requestedBy: 'scheduler',
            now,
            durationMs: 60_000,
          }),
        ),
      );
      expect(outcomes.filter(o => o.acquired)).toHaveLength(1);
    });
  },
);
