import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { AvailabilityStore, NewAvailabilityRefresh } from './AvailabilityStore';
import { KnexAvailabilityStore } from './KnexAvailabilityStore';
import { migrated } from '../__testUtils__/database';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const refreshAt = (
  fetchedAt: string,
  pagesOk: number,
  extra: Partial<NewAvailabilityRefresh> = {},
): NewAvailabilityRefresh => ({
  live: {
    fetchedAt,
    locations: { 'eu-west-1': ['kms', 's3'], 'eu-west-2': ['s3'] },
    incomplete: ['eu-west-2'],
    failures: [
      {
        locationId: 'eu-west-2',
        path: '/aws/service/global-infrastructure/regions/eu-west-2/services',
        page: 1,
        reasonKind: 'service-error',
        error:
          'SSM answered the SSM listing of eu-west-2 (page 1) with server errors or unreadable responses beyond the retries; the next refresh tries again.',
      },
    ],
  },
  partitions: ['aws'],
  skipped: [],
  trigger: 'manual',
  requestedBy: 'user:default/platform-admin',
  pagesOk,
  pagesFailed: 1,
  ...extra,
});

describe.each(databases.eachSupportedId())('AvailabilityStore (%s)', id => {
  let store: AvailabilityStore;
  let knex: Awaited<ReturnType<typeof databases.init>>;

  beforeAll(async () => {
    knex = await databases.init(id);
    store = KnexAvailabilityStore.create({ client: await migrated(knex) });
  });

  it('has nothing before the first refresh', async () => {
    await expect(store.latest()).resolves.toBeUndefined();
  });

  it('stores each refresh with its date, failed pages and kept pages', async () => {
    const first = await store.add(refreshAt('2026-11-20T10:00:00.000Z', 3));
    expect(first.id).toEqual(expect.any(Number));
    await expect(store.latest()).resolves.toEqual(first);

    const second = await store.add(
      refreshAt('2026-11-21T10:00:00.000Z', 0, {
        trigger: 'scheduled',
        requestedBy: 'scheduler',
        partitions: ['aws', 'aws-eusc'],
        skipped: [
          {
            partition: 'aws-us-gov',
            reason: 'no account reads SSM in partition aws-us-gov',
          },
        ],
      }),
    );
    const latest = await store.latest();
    expect(latest).toEqual(second);
    expect(latest?.live.fetchedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(latest?.live.failures).toEqual([
      expect.objectContaining({ locationId: 'eu-west-2', page: 1 }),
    ]);
    expect(latest?.live.locations['eu-west-1']).toEqual(['kms', 's3']);
    // The newest refresh read no page: readiness keeps the one before.
    await expect(store.latest({ withPagesRead: true })).resolves.toEqual(first);
  });

  it('reads a refresh stored before failures were classified without its AWS error text', async () => {
    // Rows written by earlier versions kept the SDK's message, which may
    // name role ARNs and account ids; GET /availability shows this value.
    await knex('availability_refreshes').insert({
      fetched_at: new Date('2026-11-22T10:00:00.000Z'),
      partitions: JSON.stringify(['aws']),
      skipped: JSON.stringify([]),
      trigger: 'scheduled',
      requested_by: 'scheduler',
      pages_ok: 1,
      pages_failed: 1,
      live: JSON.stringify({
        locations: { 'eu-west-1': [] },
        incomplete: ['eu-west-1'],
        failures: [
          {
            locationId: 'eu-west-1',
            path: '/aws/service/global-infrastructure/regions/eu-west-1/services',
            page: 0,
            error:
              'User: arn:aws:sts::123456789012:assumed-role/Reader/x is not authorized to perform: ssm:GetParametersByPath',
          },
        ],
      }),
    });
    const latest = await store.latest();
    expect(latest?.live.failures).toEqual([
      {
        locationId: 'eu-west-1',
        path: '/aws/service/global-infrastructure/regions/eu-west-1/services',
        page: 0,
        reasonKind: 'unknown-error',
        error:
          'Reading the SSM listing of eu-west-1 (page 0) failed with an unexpected error; the backend log has the details.',
      },
    ]);
    expect(JSON.stringify(latest)).not.toMatch(/arn:|123456789012/);
  });
});
