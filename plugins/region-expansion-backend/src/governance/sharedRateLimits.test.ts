import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createGovernanceTestHarness } from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { knex as createKnex, Knex } from 'knex';
import path from 'node:path';
import { providerOverTheSdk } from '../__testUtils__/sdkProvider';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { createGovernanceStores } from './governanceStores';
import { GovernanceSyncService } from './GovernanceSyncService';
import { KnexGovernanceRateLimitSlots } from './KnexGovernanceRateLimitSlots';

/**
 * Issue 17 item 5, "Two replicas share the AWS rate limits": two backend
 * instances (each its own sync service, AWS context, limiter and connection
 * pool) on one database sync the same targets at the same time, every call
 * through the real AWS SDK to the simulator, which throttles beyond the
 * documented limit (3 req/s, burst 6) per account, Region and API.
 */

jest.setTimeout(60_000);

/** PostgreSQL only: several instances share a database only there. */
const postgresIds = testDatabaseIds().filter(id => id.startsWith('POSTGRES'));
const databases = TestDatabases.create({ ids: postgresIds });
const migrations = path.resolve(__dirname, '../../migrations');
const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 17,
  faultSeed: 5,
  catalog,
  accountsPerPartition: 2,
  partitionIds: ['aws'],
});
const API = 'GetParametersByPath';
const LIMIT = { ratePerSecond: 3, burst: 6 };
/** Calls per target and instance: 2 × 8 per key take about 4 s paced. */
const CALLS = 8;

/** One backend instance: its own pool to the database, context and sync. */
function instance(knex: Knex) {
  // One attempt: a throttled call fails its target instead of being retried.
  const config = new ConfigReader(
    harness.config({ rateLimits: { [API]: LIMIT }, maxAttempts: 1 }),
  );
  const context = GovernanceAwsContext.fromConfig(config, { catalog });
  return GovernanceSyncService.create({
    stores: createGovernanceStores(knex),
    providers: [providerOverTheSdk(context, CALLS)],
    logger: mockServices.logger.mock(),
    rateLimitSlots: KnexGovernanceRateLimitSlots.create({ client: knex }),
  });
}

/** Arrival times per account/Region/API the simulator admitted or refused. */
function recordArrivals() {
  const arrivals = new Map<string, number[]>();
  const admit = harness.faults.admit.bind(harness.faults);
  jest
    .spyOn(harness.faults, 'admit')
    .mockImplementation((accountId, region, operation) => {
      const key = `${accountId}/${region}/${operation}`;
      arrivals.set(key, [...(arrivals.get(key) ?? []), performance.now()]);
      return admit(accountId, region, operation);
    });
  return arrivals;
}

/** Most arrivals within any `windowMs` (closed window), over sorted times. */
function maxInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] > windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

(postgresIds.length ? describe.each : describe.skip.each)(
  postgresIds.length ? postgresIds : ['no PostgreSQL configured'],
)('two backend instances on one %s', databaseId => {
  it('stay within the documented rate per account, Region and API when both sync the same targets at once', async () => {
    harness.faults.faults.rateLimits = { [API]: LIMIT };
    const throttledBefore = harness.faults.rateLimited;
    const knexA = await databases.init(databaseId as (typeof postgresIds)[0]);
    await knexA.migrate.latest({ directory: migrations });
    const knexB = createKnex({
      client: 'pg',
      connection: knexA.client.config.connection,
      pool: { min: 0, max: 5 },
    });
    try {
      const arrivals = recordArrivals();
      const reports = await Promise.all(
        [knexA, knexB].map(knex => instance(knex).runProvider('securityhub')),
      );

      expect(harness.faults.rateLimited - throttledBefore).toBe(0);
      for (const report of reports)
        expect(report.outcomes.map(o => o.status)).toEqual(['ok', 'ok']);
      expect(arrivals.size).toBe(2);
      for (const times of arrivals.values()) {
        expect(times).toHaveLength(2 * CALLS);
        // Never more than rate × window + burst in any window of 1 s.
        expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(
          LIMIT.ratePerSecond + LIMIT.burst,
        );
      }
    } finally {
      await knexB.destroy();
    }
  });
});
