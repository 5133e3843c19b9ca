import { ConfigReader } from '@backstage/config';
import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations';
import { classifyAwsError, withRetries } from './errors';
import {
  GovernanceAwsContext,
  resolvePartitionTargets,
} from './GovernanceAwsContext';
import { TokenBucket } from '@region-expansion/aws-simulator';
import {
  DEFAULT_GOVERNANCE_RATE_LIMITS,
  GovernanceRateLimiter,
  GovernanceRateLimiterOptions,
  GovernanceRateLimitSlots,
  mapWithConcurrency,
  nextRateSlot,
} from './limits';

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

/**
 * A fake monotonic clock: `sleep` registers a timer, `runAll` fires timers in
 * time order (after letting pending promise chains settle) until none is left.
 */
function fakeClock() {
  let t = 0;
  const timers: Array<{ at: number; seq: number; fire: () => void }> = [];
  let seq = 0;
  const settle = () => new Promise<void>(resolve => setImmediate(resolve));
  return {
    now: () => t,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const timer = { at: t + ms, seq: seq++, fire: resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal.reason);
        });
      }),
    advanceTo(at: number) {
      t = Math.max(t, at);
    },
    async runAll() {
      for (;;) {
        await settle();
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const timer = timers.shift()!;
        t = Math.max(t, timer.at);
        timer.fire();
      }
    },
  };
}

/** Send times of `count` calls made at once on one key, on a fake clock. */
async function admittedAt(
  limit: { ratePerSecond: number; burst: number },
  count: number,
  options: GovernanceRateLimiterOptions = {},
): Promise<number[]> {
  const clock = fakeClock();
  const limiter = new GovernanceRateLimiter(
    { GetFindings: limit },
    { ...options, now: clock.now, sleep: clock.sleep },
  );
  const target = { accountId: '111111111111', region: awsRegion };
  const times: number[] = [];
  const calls = Array.from({ length: count }, (_, i) =>
    limiter.acquire(target, 'GetFindings').then(() => {
      times[i] = clock.now();
    }),
  );
  await clock.runAll();
  await Promise.all(calls);
  return times;
}

/** Requests the simulator's bucket (the documented limit) throttles. */
function throttledByServer(
  limit: { ratePerSecond: number; burst: number },
  arrivals: number[],
): number {
  let t = 0;
  const bucket = new TokenBucket({ ...limit, now: () => t });
  let throttled = 0;
  for (const at of [...arrivals].sort((a, b) => a - b)) {
    t = at;
    if (!bucket.tryTake()) throttled += 1;
  }
  return throttled;
}

describe('GovernanceRateLimiter', () => {
  it.each([
    // rate, burst, margin, reserve → send times (ms) of 9 calls made at once
    [3, 6, 1, 0, [0, 0, 0, 0, 0, 0, 334, 667, 1000]],
    [3, 6, 0.95, 0, [0, 0, 0, 0, 0, 0, 351, 702, 1053]],
    [3, 6, 0.95, 1, [0, 0, 0, 0, 0, 351, 702, 1053, 1404]],
    [10, 1, 1, 1, [0, 100, 200, 300, 400, 500, 600, 700, 800]],
    [2, 3, 0.5, 1, [0, 0, 1000, 2000, 3000, 4000, 5000, 6000, 7000]],
  ])(
    'rate %p burst %p margin %p reserve %p admits at %p',
    async (ratePerSecond, burst, safetyMargin, burstReserve, expected) => {
      expect(
        await admittedAt({ ratePerSecond, burst }, expected.length, {
          safetyMargin,
          burstReserve,
        }),
      ).toEqual(expected);
    },
  );

  it('refills while idle up to the burst and keeps keys and APIs apart', async () => {
    const clock = fakeClock();
    const limiter = new GovernanceRateLimiter(
      { GetFindings: { ratePerSecond: 4, burst: 3 } },
      { safetyMargin: 1, burstReserve: 0, now: clock.now, sleep: clock.sleep },
    );
    const a = { accountId: '111111111111', region: awsRegion };
    const b = { ...a, accountId: '222222222222' };
    const sendTimes = async (target: typeof a, api: string, n: number) => {
      const times: number[] = [];
      const calls = Array.from({ length: n }, () =>
        limiter.acquire(target, api).then(() => times.push(clock.now())),
      );
      await clock.runAll();
      await Promise.all(calls);
      return times;
    };
    expect(await sendTimes(a, 'GetFindings', 4)).toEqual([0, 0, 0, 250]);
    expect(await sendTimes(b, 'GetFindings', 3)).toEqual([250, 250, 250]);
    expect(await sendTimes(a, 'Unlimited', 5)).toEqual([
      250, 250, 250, 250, 250,
    ]);
    // 600 ms idle: one token back at 500, a second at 750; the burst is 3.
    clock.advanceTo(850);
    expect(await sendTimes(a, 'GetFindings', 3)).toEqual([850, 850, 1000]);
    clock.advanceTo(10_000);
    expect(await sendTimes(a, 'GetFindings', 4)).toEqual([
      10_000, 10_000, 10_000, 10_250,
    ]);
  });

  it('never exceeds the documented bucket even when arrivals jitter', async () => {
    const limit = DEFAULT_GOVERNANCE_RATE_LIMITS.GetFindings;
    const random = createSeededRandom(7);
    const sent = await admittedAt(limit, 300);
    // Requests reach the server 0–340 ms after they leave, in any order.
    const arrivals = sent.map(t => t + random() * 340);
    expect(throttledByServer(limit, sent)).toBe(0);
    expect(throttledByServer(limit, arrivals)).toBe(0);
    // Pacing at exactly the documented rate and burst (the old limiter)
    // leaves no headroom: the same jitter is throttled.
    const exact = await admittedAt(limit, 300, {
      safetyMargin: 1,
      burstReserve: 0,
    });
    const random2 = createSeededRandom(7);
    expect(
      throttledByServer(
        limit,
        exact.map(t => t + random2() * 340),
      ),
    ).toBeGreaterThan(0);
    // Still close to the documented rate: 300 calls in under 110 s (105 s at 2.85/s).
    expect(sent[299]).toBeLessThan(((300 - 5) / 2.85) * 1000 + 1);
  });

  it.each([
    ['two limiters sharing slots', true, 0],
    // Each at 0.95 × 3 req/s: together ~5.7 req/s, about half refused.
    ['two limiters pacing on their own', false, 19],
  ])(
    '%s (shared: %p): 40 calls on one key at once, %p throttled by the server',
    async (_name, shared, throttled) => {
      const limit = DEFAULT_GOVERNANCE_RATE_LIMITS.GetFindings;
      const clock = fakeClock();
      // What a database row per key does for replicas, on the fake clock.
      const tats = new Map<string, number>();
      const slots: GovernanceRateLimitSlots = {
        reserve: async (key, pacing) => {
          const slot = nextRateSlot(tats.get(key), clock.now(), pacing);
          tats.set(key, slot.tat);
          return slot.waitMs;
        },
      };
      const replicas = [0, 1].map(() => {
        const own = new GovernanceRateLimiter(undefined, {
          now: clock.now,
          sleep: clock.sleep,
        });
        return shared ? own.sharedThrough(slots) : own;
      });
      const target = { accountId: '111111111111', region: awsRegion };
      const sent: number[] = [];
      const calls = Array.from({ length: 40 }, (_, i) =>
        replicas[i % 2]
          .acquire(target, 'GetFindings')
          .then(() => sent.push(clock.now())),
      );
      await clock.runAll();
      await Promise.all(calls);
      expect(throttledByServer(limit, sent)).toBe(throttled);
    },
  );

  it("gives an aborted call's slot back and rejects with the reason", async () => {
    const clock = fakeClock();
    const limiter = new GovernanceRateLimiter(
      { GetFindings: { ratePerSecond: 10, burst: 1 } },
      { safetyMargin: 1, now: clock.now, sleep: clock.sleep },
    );
    const target = { accountId: '111111111111', region: awsRegion };
    await limiter.acquire(target, 'GetFindings');
    const controller = new AbortController();
    const waiting = limiter.acquire(target, 'GetFindings', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    let sentAt = -1;
    const next = limiter
      .acquire(target, 'GetFindings')
      .then(() => (sentAt = clock.now()));
    await clock.runAll();
    await next;
    // One interval after the first call, not two.
    expect(sentAt).toBe(100);
  });

  it('paces on the monotonic clock and timers by default', async () => {
    jest.useFakeTimers();
    try {
      const limiter = new GovernanceRateLimiter({
        GetFindings: { ratePerSecond: 20, burst: 4 },
      });
      const target = { accountId: '111111111111', region: awsRegion };
      let sent = 0;
      const calls = Array.from({ length: 7 }, () =>
        limiter.acquire(target, 'GetFindings').then(() => sent++),
      );
      // 3 at once (burst 4 − reserve 1), then one every
      // 1000 / (0.95 × 20) ≈ 52.6 ms: the 7th at about 210.5 ms.
      await jest.advanceTimersByTimeAsync(0);
      expect(sent).toBe(3);
      await jest.advanceTimersByTimeAsync(209);
      expect(sent).toBe(6);
      await jest.advanceTimersByTimeAsync(2);
      expect(sent).toBe(7);
      await Promise.all(calls);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects nonsensical options', () => {
    expect(
      () => new GovernanceRateLimiter(undefined, { safetyMargin: 1.5 }),
    ).toThrow(/safetyMargin/);
    expect(
      () => new GovernanceRateLimiter(undefined, { burstReserve: -1 }),
    ).toThrow(/burstReserve/);
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
