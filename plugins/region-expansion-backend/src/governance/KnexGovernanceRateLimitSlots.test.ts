import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { KnexGovernanceRateLimitSlots } from './KnexGovernanceRateLimitSlots';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');

async function slotsOn(
  databaseId: Parameters<typeof databases.init>[0],
  now?: () => number,
) {
  const client = await databases.init(databaseId);
  await client.migrate.latest({ directory: migrations });
  return KnexGovernanceRateLimitSlots.create({ client, now });
}

describe.each(databases.eachSupportedId())(
  'KnexGovernanceRateLimitSlots on %s',
  databaseId => {
    it('hands out every slot of a key once, one interval apart, to concurrent reservations', async () => {
      const slots = await slotsOn(databaseId);
      const pacing = { intervalMs: 1000, toleranceMs: 0 };
      const waits = await Promise.all(
        Array.from({ length: 12 }, () =>
          slots.reserve('a/r/GetFindings', pacing),
        ),
      );
      // The reservations take far less than an interval: slot i is due
      // about i intervals after the first, never two in the same slot.
      const sorted = [...waits].sort((x, y) => x - y);
      sorted.forEach((wait, i) => {
        expect(wait).toBeGreaterThan(i * 1000 - 200);
        expect(wait).toBeLessThanOrEqual(i * 1000);
      });
      // Another key has its own schedule.
      expect(await slots.reserve('b/r/GetFindings', pacing)).toBe(0);
    });

    it('refuses a pacing with no interval', async () => {
      const slots = await slotsOn(databaseId);
      await expect(
        slots.reserve('a/r/GetFindings', { intervalMs: 0, toleranceMs: 0 }),
      ).rejects.toThrow('pacing: intervalMs must be > 0');
    });
  },
);

describe('KnexGovernanceRateLimitSlots on SQLite with a given clock', () => {
  it('lets a burst out at once, then one call per interval, and refills while idle', async () => {
    let now = 1_000_000;
    const slots = await slotsOn('SQLITE_3', () => now);
    // A burst of 3: tolerance 2 intervals.
    const pacing = { intervalMs: 100, toleranceMs: 200 };
    const waits: number[] = [];
    for (let i = 0; i < 5; i++)
      waits.push(await slots.reserve('a/r/GetFindings', pacing));
    expect(waits).toEqual([0, 0, 0, 100, 200]);
    // Idle for the whole burst's refill: a burst again.
    now += 1000;
    expect(await slots.reserve('a/r/GetFindings', pacing)).toBe(0);
    expect(await slots.reserve('a/r/GetFindings', pacing)).toBe(0);
  });
});
