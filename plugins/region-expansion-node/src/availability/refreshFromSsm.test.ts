import { SSMClient } from '@aws-sdk/client-ssm';
import { setupServer } from 'msw/node';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
  ssmGlobalInfrastructureHandlers,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '../locations';
import {
  diffAvailability,
  mergeLiveAvailability,
  refreshFromSsm,
} from './refreshFromSsm';
import { AvailabilityIndex } from './AvailabilityIndex';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  new SSMClient({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });

const now = () => new Date('2026-11-20T10:00:00Z');

describe('refreshFromSsm', () => {
  it('pages through every Region listing with NextToken', async () => {
    const euWest2 = Array.from({ length: 23 }, (_, i) => `svc${i}`);
    const ssm = ssmGlobalInfrastructureHandlers({
      regions: { 'eu-west-2': euWest2, 'eusc-de-east-1': ['s3', 'kms'] },
    });
    server.use(...ssm.handlers);
    const live = await refreshFromSsm(client(), {
      locations: ['eu-west-2', 'eusc-de-east-1'],
      now,
    });
    expect(live.fetchedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(live.locations['eu-west-2']).toEqual([...euWest2].sort());
    expect(live.locations['eusc-de-east-1']).toEqual(['kms', 's3']);
    expect(live.failures).toEqual([]);
    const euRequests = ssm.requests.filter(r => r.path.includes('eu-west-2'));
    expect(euRequests.map(r => r.nextToken)).toEqual([
      undefined,
      'page:1',
      'page:2',
    ]);
    expect(new Set(ssm.requests.map(r => r.target))).toEqual(
      new Set(['AmazonSSM.GetParametersByPath']),
    );
  });

  it('keeps good pages and reports the failing one', async () => {
    const path =
      '/aws/service/global-infrastructure/regions/eu-west-2/services';
    const ssm = ssmGlobalInfrastructureHandlers({
      regions: {
        'eu-west-2': Array.from({ length: 15 }, (_, i) => `svc${i}`),
        'eu-west-1': ['s3'],
      },
      failingPages: [`${path}#1`],
    });
    server.use(...ssm.handlers);
    const live = await refreshFromSsm(client(), {
      locations: ['eu-west-2', 'eu-west-1'],
      now,
    });
    expect(live.locations['eu-west-2']).toHaveLength(10);
    expect(live.locations['eu-west-1']).toEqual(['s3']);
    expect(live.incomplete).toEqual(['eu-west-2']);
    expect(live.failures).toEqual([
      expect.objectContaining({ locationId: 'eu-west-2', path, page: 1 }),
    ]);
  });

  it('ends early when its signal aborts: the page in flight is interrupted, unread locations are left out', async () => {
    const ssm = ssmGlobalInfrastructureHandlers({
      regions: {
        'eu-west-1': ['s3'],
        'eu-west-2': ['s3'],
        'eu-west-3': ['s3'],
      },
    });
    server.use(...ssm.handlers);
    const controller = new AbortController();
    const onRequest = () => {
      if (ssm.requests.length === 1) controller.abort();
    };
    server.events.on('request:start', onRequest);
    try {
      const live = await refreshFromSsm(client(), {
        locations: ['eu-west-1', 'eu-west-2', 'eu-west-3'],
        concurrency: 1,
        now,
        signal: controller.signal,
      });
      expect(live.locations).toEqual({ 'eu-west-1': ['s3'], 'eu-west-2': [] });
      expect(live.incomplete).toEqual(['eu-west-2']);
      expect(live.failures).toEqual([
        expect.objectContaining({
          locationId: 'eu-west-2',
          page: 0,
          reasonKind: 'interrupted',
        }),
      ]);
    } finally {
      server.events.removeListener('request:start', onRequest);
    }
  });

  it('stores a classified reason, never the AWS error text, and hands that text to onPageError', async () => {
    // The simulator denies the account like IAM does, naming the caller's
    // assumed-role ARN and account id in the message.
    const org = createSyntheticOrganization(1, {
      partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), [
        'aws',
      ]),
      accountsPerPartition: 1,
      findingsPerAccountRegion: 0,
    });
    const account = org.accounts[0].id;
    server.use(
      ...createAwsSimulatorHandlers(
        org,
        { accessDeniedAccounts: [account] },
        {
          globalInfrastructure: {
            regions: [{ id: 'eu-west-1', partition: 'aws' }],
            services: [{ code: 's3', regions: ['eu-west-1'] }],
          },
        },
      ),
    );
    const logged: Array<{ locationId: string; detail: string }> = [];
    const live = await refreshFromSsm(
      new SSMClient({
        region: 'us-east-1',
        endpoint: SIMULATOR_TEST_ENDPOINT,
        maxAttempts: 1,
        credentials: {
          accessKeyId: accessKeyIdFor(account),
          secretAccessKey: 'simulated',
        },
      }),
      {
        locations: ['eu-west-1'],
        now,
        onPageError: (failure, detail) =>
          logged.push({ locationId: failure.locationId, detail }),
      },
    );

    expect(live.incomplete).toEqual(['eu-west-1']);
    expect(live.failures).toEqual([
      {
        locationId: 'eu-west-1',
        path: '/aws/service/global-infrastructure/regions/eu-west-1/services',
        page: 0,
        reasonKind: 'access-denied',
        error: expect.stringMatching(/refused access/),
      },
    ]);
    expect(JSON.stringify(live)).not.toMatch(
      new RegExp(`arn:|${account}|GovernanceReader`),
    );
    expect(logged).toEqual([
      {
        locationId: 'eu-west-1',
        detail: expect.stringContaining(
          `arn:aws:sts::${account}:assumed-role/`,
        ),
      },
    ]);
  });
});

describe('diffAvailability', () => {
  const snapshot = {
    snapshotDate: '2026-01-01',
    source: 'test',
    partitions: { aws: { regions: ['eu-west-2', 'eu-west-1'] } },
    locations: { 'eu-west-2': ['s3', 'lambda', 'kms'], 'eu-west-1': ['s3'] },
  };

  it.each<{
    name: string;
    live: Record<string, string[]>;
    incomplete: string[];
    expected: unknown[];
  }>([
    {
      name: 'added and removed in a complete listing',
      live: { 'eu-west-2': ['s3', 'kms', 'bedrock', 'not-in-mapping'] },
      incomplete: [],
      expected: [
        {
          locationId: 'eu-west-2',
          added: ['bedrock'],
          removed: ['lambda'],
          partial: false,
        },
      ],
    },
    {
      name: 'no removals from a partial listing',
      live: { 'eu-west-2': ['s3', 'bedrock'] },
      incomplete: ['eu-west-2'],
      expected: [
        {
          locationId: 'eu-west-2',
          added: ['bedrock'],
          removed: [],
          partial: true,
        },
      ],
    },
    {
      name: 'unchanged locations omitted',
      live: { 'eu-west-1': ['s3'] },
      incomplete: [],
      expected: [],
    },
  ])('$name', ({ live, incomplete, expected }) => {
    const result = diffAvailability(snapshot, {
      fetchedAt: '2026-11-20T10:00:00.000Z',
      locations: live,
      incomplete,
      failures: [],
    });
    expect(result).toEqual(expected);
  });

  it('merges live data into a dated index', () => {
    const merged = mergeLiveAvailability(snapshot, {
      fetchedAt: '2026-11-20T10:00:00.000Z',
      locations: { 'eu-west-1': ['s3', 'bedrock'] },
      incomplete: [],
      failures: [],
    });
    const index = AvailabilityIndex.fromSnapshot(merged);
    // eu-west-2 was not read: it keeps the snapshot's services and date.
    expect(index.observedAt('eu-west-1')).toBe('2026-11-20T10:00:00.000Z');
    expect(index.has('bedrock', 'eu-west-1')).toBe(true);
    expect(index.has('lambda', 'eu-west-2')).toBe(true);
  });

  it('dates each merged location by where its data came from', () => {
    const threeLocations = {
      ...snapshot,
      partitions: {
        aws: { regions: ['eu-west-1', 'eu-west-2', 'eu-west-3'] },
      },
      locations: { ...snapshot.locations, 'eu-west-3': ['s3'] },
    };
    // eu-west-1 read completely, eu-west-2 stopped at a failed page,
    // eu-west-3 not read at all.
    const merged = mergeLiveAvailability(threeLocations, {
      fetchedAt: '2026-11-20T10:00:00.000Z',
      locations: { 'eu-west-1': ['s3', 'bedrock'], 'eu-west-2': ['s3'] },
      incomplete: ['eu-west-2'],
      failures: [],
    });
    const index = AvailabilityIndex.fromSnapshot(merged);
    expect(index.observedAt('eu-west-1')).toBe('2026-11-20T10:00:00.000Z');
    // What a partial listing did not show (lambda) is the snapshot's word.
    expect(index.has('lambda', 'eu-west-2')).toBe(true);
    expect(index.observedAt('eu-west-2')).toBe('2026-01-01');
    expect(index.observedAt('eu-west-3')).toBe('2026-01-01');
    // The whole data is as old as its oldest part.
    expect(index.snapshotDate).toBe('2026-01-01');
    expect(index.source).toMatch(
      /^SSM public parameters read 2026-11-20T10:00:00\.000Z for 1 of 3 locations over test$/,
    );
  });
});
