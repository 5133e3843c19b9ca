import { ConfigReader } from '@backstage/config';
import { LocationCatalog } from '../locations';
import { classifyAwsError, withRetries } from './errors';
import {
  GovernanceAwsContext,
  resolvePartitionTargets,
} from './GovernanceAwsContext';
import { GovernanceRateLimiter, mapWithConcurrency } from './limits';

const catalog = LocationCatalog.fromSnapshot();
const [aws, eusc] = ['aws', 'aws-eusc'].map(id => catalog.partition(id)!);
const awsRegion = catalog
  .regions()
  .find(r => r.partition === aws.id && r.id !== aws.homeRegion)!.id;

function awsError(name: string, status: number | undefined, message = 'm') {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

describe('classifyAwsError', () => {
  it.each([
    [awsError('TooManyRequestsException', 429), 'throttled', true],
    [awsError('ThrottlingException', 400), 'throttled', true],
    [awsError('InternalException', 500), 'server-error', true],
    [awsError('TimeoutError', undefined), 'timeout', true],
    [
      Object.assign(new SyntaxError('Unexpected end of JSON input'), {
        $response: {},
      }),
      'malformed-response',
      true,
    ],
    [
      awsError('AccessDeniedException', 403, 'User is not authorized'),
      'access-denied',
      false,
    ],
    [
      awsError(
        'AccessDeniedException',
        403,
        'Please complete AWS Audit Manager setup from home page',
      ),
      'not-subscribed',
      false,
    ],
    [awsError('InvalidInputException', 400), 'invalid-request', false],
  ])('%s → %s', (error, kind, retryable) => {
    expect(classifyAwsError(error)).toMatchObject({ kind, retryable });
  });
});

describe('withRetries', () => {
  it('repeats retryable failures and gives up on others', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          if (calls < 3) throw awsError('ThrottlingException', 429);
          return 'ok';
        },
        { baseDelayMs: 1 },
      ),
    ).resolves.toBe('ok');
    calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw awsError('AccessDeniedException', 403);
        },
        { baseDelayMs: 1 },
      ),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe('GovernanceRateLimiter', () => {
  it('lets a burst through and then paces at the rate, per account+Region+API', async () => {
    const limiter = new GovernanceRateLimiter({
      GetFindings: { ratePerSecond: 20, burst: 3 },
    });
    const target = { accountId: '111111111111', region: awsRegion };
    const start = performance.now();
    for (let i = 0; i < 3; i++) await limiter.acquire(target, 'GetFindings');
    expect(performance.now() - start).toBeLessThan(30);
    for (let i = 0; i < 4; i++) await limiter.acquire(target, 'GetFindings');
    expect(performance.now() - start).toBeGreaterThanOrEqual(4 * 50 - 20);
    const other = performance.now();
    await limiter.acquire(
      { ...target, accountId: '222222222222' },
      'GetFindings',
    );
    await limiter.acquire(target, 'Unlimited');
    expect(performance.now() - other).toBeLessThan(30);
  });
});

describe('mapWithConcurrency', () => {
  it('never runs more than the limit at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async n => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise(r => setTimeout(r, 5));
      running -= 1;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12]);
    expect(peak).toBe(2);
  });
});

describe('resolvePartitionTargets', () => {
  const partitionOf = (id: string) => (id.startsWith('9') ? eusc.id : aws.id);
  it('defaults the home Region from the partition data', () => {
    expect(
      resolvePartitionTargets(
        { partition: eusc.id, accounts: ['900000000001'] },
        catalog,
        partitionOf,
      ),
    ).toEqual({
      partition: eusc.id,
      homeRegion: eusc.homeRegion,
      accounts: ['900000000001'],
      regions: [eusc.homeRegion],
    });
  });
  it.each([
    [{ partition: 'aws-nowhere', accounts: [] }, /not a known partition/],
    [
      { partition: eusc.id, accounts: ['900000000001'], regions: [awsRegion] },
      /is not in partition/,
    ],
    [
      { partition: eusc.id, accounts: ['100000000001'] },
      /nothing crosses a partition/,
    ],
    [{ partition: aws.id, accounts: ['12345'] }, /12-digit/],
  ])('rejects %j', (input, message) => {
    expect(() => resolvePartitionTargets(input, catalog, partitionOf)).toThrow(
      message,
    );
  });
});

describe('GovernanceAwsContext.fromConfig', () => {
  const config = new ConfigReader({
    aws: {
      mainAccount: { accessKeyId: 'a', secretAccessKey: 'b' },
      accounts: [
        { accountId: '100000000001', accessKeyId: 'c', secretAccessKey: 'd' },
        {
          accountId: '900000000001',
          partition: eusc.id,
          roleName: 'GovernanceReader',
          region: eusc.homeRegion,
        },
      ],
    },
    regionExpansion: {
      governance: {
        endpoint: 'http://127.0.0.1:4566',
        endpoints: { resiliencehub: 'http://127.0.0.1:4567' },
        retryMode: 'standard',
        targets: [
          {
            partition: aws.id,
            accounts: ['100000000001'],
            regions: [aws.homeRegion, awsRegion],
          },
          { partition: eusc.id, accounts: ['900000000001'] },
        ],
      },
    },
  });

  it('derives targets per partition and client settings per source', async () => {
    const context = GovernanceAwsContext.fromConfig(config, { catalog });
    expect(context.homeRegionTargets()).toEqual([
      { partition: aws.id, accountId: '100000000001', region: aws.homeRegion },
      {
        partition: eusc.id,
        accountId: '900000000001',
        region: eusc.homeRegion,
      },
    ]);
    expect(context.regionalTargets()).toHaveLength(3);
    const settings = await context.clientSettings(
      'resiliencehub',
      context.regionalTargets()[1],
    );
    expect(settings).toMatchObject({
      region: awsRegion,
      endpoint: 'http://127.0.0.1:4567',
      retryMode: 'standard',
      maxAttempts: 5,
    });
    expect(
      (
        await context.clientSettings(
          'securityhub',
          context.homeRegionTargets()[0],
        )
      ).endpoint,
    ).toBe('http://127.0.0.1:4566');
  });

  it('refuses a target account that is not configured', async () => {
    const context = GovernanceAwsContext.fromConfig(config, { catalog });
    await expect(
      context.clientSettings('securityhub', {
        partition: aws.id,
        accountId: '100000000002',
        region: aws.homeRegion,
      }),
    ).rejects.toThrow(/not a configured governance target/);
  });
});
