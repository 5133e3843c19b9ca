import { useCloudTrailEngineSimulator } from '../../__testUtils__/cloudTrailEngineSimulator';
import { athenaFootprint } from './athenaFootprint';
import { cloudTrailLakeFootprint } from './cloudTrailLakeFootprint';
import { EngineQueryError } from './EngineQueryError';

const sim = useCloudTrailEngineSimulator();

type Overrides = Record<string, unknown>;
const lake = (overrides: Overrides = {}) =>
  cloudTrailLakeFootprint({
    client: sim.lake(),
    eventDataStore: sim.eventDataStore,
    ...sim.window,
    ...sim.wait,
    ...overrides,
  });
const athena = (overrides: Overrides = {}) =>
  athenaFootprint({
    client: sim.athena(),
    database: sim.database,
    table: sim.table,
    outputLocation: 's3://query-results/footprint/',
    ...sim.window,
    ...sim.wait,
    ...overrides,
  });
const engines = [
  ['CloudTrail Lake', lake],
  ['Athena', athena],
] as const;

/** The error a footprint call fails with (the test fails if it succeeds). */
async function failure(run: Promise<unknown>): Promise<EngineQueryError> {
  const error = await run.then(
    () => new Error('expected the query to fail'),
    e => e,
  );
  expect(error).toBeInstanceOf(EngineQueryError);
  return error;
}

describe('engine-side footprint failures', () => {
  it('reports an Athena query that FAILED on a missing table as a table input error', async () => {
    const error = await failure(athena({ table: 'no_such_table' }));
    expect(error.message).toBe('table: no such table in the database');
    expect(error.problem).toBe('input');
  });

  it('reports an unknown event data store by its field', async () => {
    const error = await failure(
      lake({
        eventDataStore: sim.eventDataStore.replace(/[0-9a-f]{8}-/, '00000000-'),
      }),
    );
    expect(error.message).toBe(
      'eventDataStore: no such event data store in this account and Region',
    );
  });

  it.each([
    ['CloudTrail Lake', lake, 'CancelQuery'],
    ['Athena', athena, 'StopQueryExecution'],
  ] as const)(
    'gives up a %s query still running after maxWaitMs and cancels it',
    async (_name, run, cancel) => {
      const cancelled = sim.faults.requestCounts.get(cancel) ?? 0;
      const error = await failure(run({ maxWaitMs: 0, initialDelayMs: 1 }));
      expect(error.problem).toBe('timeout');
      expect(error.message).toMatch(
        /^maxWaitMs: .+ query \S+ still QUEUED after \d+ ms \(limit 0 ms\); narrow the window or wait longer; the query cancelled$/,
      );
      expect(sim.faults.requestCounts.get(cancel)).toBe(cancelled + 1);
    },
  );

  it.each(engines)(
    'reports %s throttling that outlasts the SDK retries, without AWS text',
    async (_name, run) => {
      sim.faults.faults.throttlePercent = 100;
      const error = await failure(run());
      expect(error.problem).toBe('throttled');
      expect(error.message).toMatch(
        /^query: .+ still throttled \((ThrottlingException|TooManyRequestsException)\) after the SDK's retries; try again later$/,
      );
      expect(error.message).not.toContain('Rate exceeded');
    },
  );

  it.each([
    ['start', { start: new Date('nope') }, 'start: must be a valid date'],
    ['end', { end: new Date(0) }, 'end: must be after start'],
    [
      'filters.accounts',
      { filters: { accounts: ["1') OR 1=1 --"] } },
      `filters.accounts: "1') OR 1=1 --" is not a 12-digit AWS account id`,
    ],
    [
      'filters.regions',
      { filters: { regions: [] } },
      'filters.regions: must name at least one value (leave it out for all)',
    ],
  ])('refuses a bad %s before any call', async (_field, overrides, message) => {
    const before = sim.faults.totalRequests;
    for (const [, run] of engines) {
      expect((await failure(run(overrides))).message).toBe(message);
    }
    expect(sim.faults.totalRequests).toBe(before);
  });

  it.each([
    [
      lake,
      { eventDataStore: 'eds; DROP' },
      /^eventDataStore: must be an event data store ARN/,
    ],
    [
      athena,
      { table: 'x"; DROP TABLE y; --' },
      /^table: must be a Glue table name/,
    ],
    [
      athena,
      { database: 'Cloud Trail' },
      /^database: must be a Glue database name/,
    ],
    [athena, { workgroup: 'a b' }, /^workgroup: must be a workgroup name/],
    [
      athena,
      { outputLocation: 'https://bucket' },
      /^outputLocation: must be an S3 URI/,
    ],
  ] as const)(
    'refuses a bad identifier (%#) naming its field',
    async (run, overrides, message) => {
      expect((await failure(run(overrides))).message).toMatch(message);
    },
  );
});
