import {
  accessKeyIdFor,
  RunningAwsSimulator,
  SIMULATED_ATHENA_DATABASE,
  SIMULATED_ATHENA_TABLE,
  simulatedEventDataStores,
  simulatedPartitionsOf,
  startAwsSimulator,
  writeSimulatedCloudTrailLogs,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';
import { runCliProcess } from '../__testUtils__/runCliProcess';
import { TempFolder } from '../__testUtils__/TempFolder';
import { footprintFromEngine } from './engineFootprint';
import { FootprintCommandOptions, footprintOfPaths } from './footprint';

jest.setTimeout(120_000);

const folder = new TempFolder('region-expansion-engine-');
let simulator: RunningAwsSimulator;
let env: Record<string, string>;
let eventDataStore: string;
let window: string[];

beforeAll(async () => {
  // A real HTTP simulator: the CLI runs as its own process, as in a pipeline.
  simulator = await startAwsSimulator({
    seed: 5,
    size: {
      partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), [
        'aws',
      ]),
      accountsPerPartition: 2,
      regionsPerPartition: 2,
      findingsPerAccountRegion: 0,
    },
  });
  const org = simulator.organization;
  writeSimulatedCloudTrailLogs(org, folder.dir);
  const store = simulatedEventDataStores(org)[0];
  eventDataStore = store.arn;
  env = {
    AWS_ACCESS_KEY_ID: accessKeyIdFor(store.owner),
    AWS_SECRET_ACCESS_KEY: 'simulated',
  };
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  window = [
    '--start',
    day(org.baseTime - 40 * 86_400_000),
    '--end',
    day(org.baseTime + 86_400_000),
  ];
});
afterAll(async () => {
  await simulator.stop();
  folder.remove();
});

const lakeArgs = () => [
  'footprint',
  '--source',
  'cloudtrail-lake',
  '--event-data-store',
  eventDataStore,
  '--endpoint',
  simulator.url,
  ...window,
];
const athenaArgs = () => [
  'footprint',
  '--source',
  'athena',
  '--database',
  SIMULATED_ATHENA_DATABASE,
  '--table',
  SIMULATED_ATHENA_TABLE,
  '--output-location',
  's3://query-results/footprint/',
  '--query-region',
  simulator.organization.partitions[0].homeRegion,
  '--endpoint',
  simulator.url,
  ...window,
];

/** What the footprint command's action runs for these options, without spawning a process per case. */
function footprintCommand(paths: string[], given: Record<string, string>) {
  const options = given as FootprintCommandOptions;
  return options.source && options.source !== 'files'
    ? footprintFromEngine(paths, { ...options, source: options.source })
    : footprintOfPaths(paths, options);
}

describe('footprint --source cloudtrail-lake | athena', () => {
  it('prints the same services as the local reader of the same trail', async () => {
    const [files, lake, athena, text] = await Promise.all([
      runCliProcess(['footprint', folder.dir, '--json']),
      runCliProcess([...lakeArgs(), '--json'], env),
      runCliProcess([...athenaArgs(), '--json'], env),
      runCliProcess(lakeArgs(), env),
    ]);
    expect(text.stdout).toMatch(
      /^query cloudtrail-lake \S+: \d+ groups after 3 status reads, \d+ bytes scanned\n/,
    );
    expect(text.stdout).toMatch(
      /\nCloudTrail: \d+ records, \d+ API calls, \d+ service events, \d+ console sign-ins\n$/,
    );
    for (const run of [files, lake, athena, text]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const services = JSON.parse(files.stdout).services;
    expect(services.length).toBeGreaterThan(5);
    expect(JSON.parse(lake.stdout).services).toEqual(services);
    expect(JSON.parse(athena.stdout).services).toEqual(services);
  });

  it('exits 3 naming the query when the engine stays throttled', async () => {
    simulator.faults.faults.throttlePercent = 100;
    try {
      const run = await runCliProcess(lakeArgs(), env);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        "region-expansion: query: CloudTrail Lake StartQuery still throttled (ThrottlingException) after the SDK's retries; try again later\n",
      );
    } finally {
      simulator.faults.faults.throttlePercent = 0;
    }
  });

  it.each([
    [
      [],
      { source: 'cloudtrail-lake' },
      '--event-data-store: required with --source cloudtrail-lake',
    ],
    [
      [],
      { source: 'cloudtrail-lake', eventDataStore: 'x' },
      '--event-data-store: must be an event data store ARN',
    ],
    [
      [],
      { source: 'athena', queryRegion: 'eu-west-2' },
      '--database: required with --source athena',
    ],
    [
      [],
      {
        source: 'athena',
        queryRegion: 'eu-west-2',
        database: 'cloudtrail',
        table: "t'; DROP TABLE x",
        outputLocation: 's3://bucket/x/',
      },
      '--table: must be a Glue table name',
    ],
    [
      [],
      {
        source: 'athena',
        queryRegion: 'eu-west-2',
        database: 'cloudtrail',
        table: 't',
        outputLocation: 'bucket/x',
      },
      '--output-location: must be an S3 URI',
    ],
    [
      [],
      { source: 'athena', queryRegion: 'nowhere' },
      '--query-region: required with --source athena',
    ],
    [
      [],
      { source: 'cloudtrail-lake', start: '2026-13-45' },
      '--start: must be a UTC date',
    ],
    [
      [],
      { source: 'cloudtrail-lake', maxWait: '0' },
      '--max-wait: must be a whole number of seconds',
    ],
    [
      ['some/path'],
      { source: 'athena' },
      'paths: not read with --source athena',
    ],
    [
      [],
      {
        source: 'cloudtrail-lake',
        principal: 'arn:aws:iam::111122223333:role/app',
      },
      '--principal: only with --source files',
    ],
    [
      ['logs'],
      { source: 'files', table: 't' },
      '--table: only with --source cloudtrail-lake or --source athena',
    ],
    [
      [],
      { source: 'files' },
      'paths: missing; name at least one file or folder',
    ],
  ])('refuses %j %j naming the flag', async (paths, options, message) => {
    const error = await footprintCommand(paths, options).then(
      () => new Error('expected an input error'),
      e => e,
    );
    expect(error).toBeInstanceOf(CliInputError);
    expect(error.message.slice(0, message.length)).toBe(message);
  });

  it('exits 2 with one line naming the flag, from the command line', async () => {
    const [missing, unknown] = await Promise.all([
      runCliProcess(['footprint', '--source', 'cloudtrail-lake']),
      runCliProcess(['footprint', '--source', 'bigquery']),
    ]);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'region-expansion: --event-data-store: required with --source cloudtrail-lake\n',
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^region-expansion: option '--source <source>' argument 'bigquery' is invalid/,
    );
  });
});
