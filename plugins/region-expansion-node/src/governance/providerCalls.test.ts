import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigReader } from '@backstage/config';
import { createGovernanceTestHarness } from '@region-expansion/aws-simulator';
import { LocationCatalog } from '../locations';
import { GovernanceAwsContext } from './GovernanceAwsContext';
import {
  callPages,
  GOVERNANCE_RATE_LIMIT_MIDDLEWARE,
  GovernanceCall,
  withGovernanceClient,
} from './providerCalls';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 21,
  faultSeed: 4,
  catalog,
});
const { faults } = harness;

describe('withGovernanceClient', () => {
  it("takes a rate-limiter token for every HTTP attempt, the SDK's retries after throttling included", async () => {
    const config = new ConfigReader(harness.config({ maxAttempts: 10 }));
    const context = GovernanceAwsContext.fromConfig(config, { catalog });
    const target = context.homeRegionTargets()[0];
    const tokens: string[] = [];
    const acquire = context.rateLimiter.acquire.bind(context.rateLimiter);
    jest
      .spyOn(context.rateLimiter, 'acquire')
      .mockImplementation(async (t, api, signal) => {
        tokens.push(`${t.accountId}/${t.region}/${api}`);
        return acquire(t, api, signal);
      });
    faults.faults.throttlePercent = 50;
    const before = faults.requestCounts.get('GetCallerIdentity') ?? 0;
    const sends = 4;
    // Each send is one SDK call; its `$metadata.attempts` counts the HTTP
    // attempts the SDK's retry loop made for it.
    const attempts = await withGovernanceClient(
      context,
      'securityhub',
      target,
      new AbortController().signal,
      settings => new STSClient(settings),
      async client => {
        // Inside the SDK's retry loop, before the request is signed.
        const stack = client.middlewareStack.identify();
        const retry = stack.findIndex(m => m.startsWith('retryMiddleware'));
        expect(stack[retry + 1]).toMatch(
          new RegExp(`^${GOVERNANCE_RATE_LIMIT_MIDDLEWARE} `),
        );
        expect(stack[retry + 2]).toMatch(/^httpSigningMiddleware/);
        let total = 0;
        for (let i = 0; i < sends; i++) {
          const out = await client.send(new GetCallerIdentityCommand({}));
          total += out.$metadata.attempts ?? 1;
        }
        return total;
      },
    );
    const requests =
      (faults.requestCounts.get('GetCallerIdentity') ?? 0) - before;
    // The SDK did retry throttled attempts, every attempt reached the
    // simulator, and every one of them took a token for the client's
    // account, Region and operation.
    expect(attempts).toBeGreaterThan(sends);
    expect(requests).toBe(attempts);
    expect(tokens).toEqual(
      Array(attempts).fill(
        `${target.accountId}/${target.region}/GetCallerIdentity`,
      ),
    );
  });
});

describe('callPages', () => {
  it.each([
    ['nextToken', (next?: string) => ({ nextToken: next })],
    ['NextToken', (next?: string) => ({ NextToken: next })],
  ])(
    "follows each page's %s through the run's call, passing the run's signal, until a page has none",
    async (_spelling, tokenField) => {
      const signal = new AbortController().signal;
      const sent: Array<[string | undefined, AbortSignal]> = [];
      const calls: string[] = [];
      const call: GovernanceCall = send => {
        calls.push('call');
        return send();
      };
      const next: Record<string, string | undefined> = {
        first: 'b',
        b: 'c',
        c: undefined,
      };
      const pages = callPages(call, signal, async (token, options) => {
        sent.push([token, options.abortSignal]);
        return { id: token ?? 'first', ...tokenField(next[token ?? 'first']) };
      });
      const ids: string[] = [];
      for await (const page of pages) ids.push(page.id);
      expect(ids).toEqual(['first', 'b', 'c']);
      expect(sent).toEqual([
        [undefined, signal],
        ['b', signal],
        ['c', signal],
      ]);
      expect(calls).toHaveLength(3);
    },
  );
});
