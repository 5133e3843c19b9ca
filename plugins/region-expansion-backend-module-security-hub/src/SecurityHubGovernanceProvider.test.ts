import { ConfigReader } from '@backstage/config';
import {
  createGovernanceTestHarness,
  SIMULATED_DENIED_ROLE_NAME,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceFindingRow,
  GovernanceSyncContext,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { http, HttpResponse } from 'msw';
import { SecurityHubGovernanceProvider } from './SecurityHubGovernanceProvider';

jest.setTimeout(30_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 7,
  faultSeed: 3,
  catalog,
  accountsPerPartition: 5,
  regionsPerPartition: 3,
  findingsPerAccountRegion: 60,
});
const { org, faults } = harness;

function contextFor(
  api: 'asff' | 'ocsf' = 'asff',
  securityHub: Record<string, any> = {},
) {
  const config = new ConfigReader(
    harness.config({
      concurrency: 4,
      rateLimits: {
        GetFindings: { ratePerSecond: 1000, burst: 1000 },
        GetFindingsV2: { ratePerSecond: 1000, burst: 1000 },
      },
      securityHub: { api, ...securityHub },
    }),
  );
  const context = GovernanceAwsContext.fromConfig(config, { catalog });
  return {
    context,
    provider: SecurityHubGovernanceProvider.fromConfig(config, { context }),
  };
}

function memory() {
  const findings = new Map<string, GovernanceFindingRow>();
  const cursors = new Map<string, string>();
  let writes = 0;
  const key = (
    s: string,
    t: { partition: string; accountId: string; region: string },
  ) => `${s}/${t.partition}/${t.accountId}/${t.region}`;
  const ctx = (
    signal: AbortSignal = new AbortController().signal,
    now = new Date(org.clock + 1000),
  ): GovernanceSyncContext => ({
    targets: [],
    signal,
    now: () => now,
    logger: { info: () => {}, warn: () => {} },
    cursors: {
      get: async (s, t) => cursors.get(key(s, t)),
      set: async (s, t, c) => void cursors.set(key(s, t), c),
    },
    sink: {
      write: async (_s, _t, rows) => {
        for (const row of rows.findings ?? []) {
          writes += 1;
          findings.set(row.findingId, row);
        }
      },
    },
  });
  return {
    findings,
    cursors,
    ctx,
    get writes() {
      return writes;
    },
  };
}

describe('SecurityHubGovernanceProvider', () => {
  it('reads every finding of every account from each partition home Region, then only what changed or falls in the lookback', async () => {
    const { provider } = contextFor();
    const m = memory();
    const targets = provider.targets();
    expect(targets.map(t => t.region)).toEqual(
      org.accounts.map(a => org.partitionOf(a.partition).homeRegion),
    );
    // Half an hour after the newest finding, so the lookback of the next
    // run holds some of them.
    const newest = Math.max(
      ...Array.from({ length: org.findingCount }, (_, i) =>
        org.findingUpdatedAt(i),
      ),
    );
    const firstRun = new Date(newest + 1_800_000);
    const first = await provider.sync({
      ...m.ctx(undefined, firstRun),
      targets,
    });
    expect(first.outcomes.every(o => o.status === 'ok')).toBe(true);
    expect(m.findings.size).toBe(org.findingCount);
    const row = m.findings.get(org.finding(0).id)!;
    expect(row).toMatchObject({
      severity: org.finding(0).severityLabel,
      controlId: org.finding(0).control.id,
      partition: org.finding(0).partition,
    });

    const writesBefore = m.writes;
    // The one-hour lookback re-reads what was updated in the hour before
    // the first run started, besides what changed since.
    const lookbackStart = firstRun.getTime() - 3_600_000;
    const inLookback = Array.from(
      { length: org.findingCount },
      (_, i) => i,
    ).filter(i => org.findingUpdatedAt(i) >= lookbackStart);
    expect(inLookback.length).toBeGreaterThan(0);
    const changed = org.advance(1, org.clock + 60_000);
    const reread = new Set([...inLookback, ...changed]);
    expect(reread.size).toBeGreaterThan(changed.length);
    await provider.sync({
      ...m.ctx(undefined, new Date(org.clock + 1000)),
      targets,
    });
    expect(m.writes - writesBefore).toBe(reread.size);
    for (const index of changed) {
      expect(m.findings.get(org.finding(index).id)!.updatedAt).toBe(
        new Date(org.clock).toISOString(),
      );
    }
  });

  it('keeps healthy targets going through 30% throttling and 5xx, and reports AccessDenied accounts with the reason', async () => {
    const { provider, context } = contextFor();
    const m = memory();
    const denied = org.accounts[1].id;
    Object.assign(faults.faults, {
      throttlePercent: 30,
      serverErrorPercent: 5,
      accessDeniedAccounts: [denied],
    });
    const acquire = jest.spyOn(context.rateLimiter, 'acquire');
    const requestsBefore = faults.requestCounts.get('GetFindings') ?? 0;
    const report = await provider.sync({
      ...m.ctx(),
      targets: provider.targets(),
    });
    // Every request that reached the server, retries included, took a token.
    const requests =
      (faults.requestCounts.get('GetFindings') ?? 0) - requestsBefore;
    const pages = report.outcomes.reduce((n, o) => n + o.pages, 0);
    expect(requests).toBeGreaterThan(pages);
    expect(
      acquire.mock.calls.filter(([, api]) => api === 'GetFindings'),
    ).toHaveLength(requests);
    const failed = report.outcomes.filter(o => o.status === 'failed');
    expect(failed.map(o => o.target.accountId)).toEqual([denied]);
    // The AWS text (for the log) names the caller's role; readers get the
    // sentence of the kind.
    expect(failed[0].reason).toMatch(
      new RegExp(
        `AccessDeniedException .*assumed-role/${SIMULATED_DENIED_ROLE_NAME}/`,
      ),
    );
    expect(failed[0].reasonKind).toBe('access-denied');
    const expected =
      org.findingCount -
      org
        .findingRangeOf(org.accounts[1].partition, denied)
        .reduce((a, b) => b - a);
    expect(m.findings.size).toBe(expected);
  });

  it('survives malformed bodies', async () => {
    const { provider } = contextFor();
    const m = memory();
    faults.faults.malformedPercent = 15;
    const report = await provider.sync({
      ...m.ctx(),
      targets: provider.targets(),
    });
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    expect(m.findings.size).toBe(org.findingCount);
  });

  it('resumes an aborted run from the stored page token without losing or duplicating', async () => {
    const { provider } = contextFor();
    const m = memory();
    const target = provider.targets()[0];
    const controller = new AbortController();
    const ctx = m.ctx(controller.signal);
    let pagesSeen = 0;
    const report = await provider.sync({
      ...ctx,
      targets: [target],
      onProgress: () => {
        pagesSeen += 1;
        if (pagesSeen === 1) controller.abort(new Error('killed'));
      },
    });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/aborted/),
    });
    const stored = JSON.parse([...m.cursors.values()][0]);
    expect(stored.nextToken).toBeDefined();
    const afterKill = m.writes;
    expect(afterKill).toBeLessThan(180);
    const resumed = await provider.sync({
      ...m.ctx(undefined, new Date(org.clock + 50_000)),
      targets: [target],
    });
    expect(resumed.outcomes[0].status).toBe('ok');
    expect(m.writes).toBe(180);
    expect(m.findings.size).toBe(180);
    expect(JSON.parse([...m.cursors.values()][0])).toEqual({
      since: stored.until,
    });
  });

  describe('a finding that becomes visible after a run, dated before that run started', () => {
    const MINUTE = 60_000;
    /** Runs twice; between the runs a withheld finding appears, dated `ageMs` before the first run. */
    async function lateFinding(
      api: 'asff' | 'ocsf',
      securityHub: Record<string, any>,
      ageMs: number,
    ) {
      const { provider } = contextFor(api, securityHub);
      const m = memory();
      const target = provider.targets()[0];
      const [from] = org.findingRangeOf(target.partition, target.accountId);
      const late = from + 7;
      org.withholdFinding(late);
      const firstRun = new Date(org.clock + 1000);
      await provider.sync({ ...m.ctx(undefined, firstRun), targets: [target] });
      expect(m.findings.has(org.finding(late).id)).toBe(false);
      const updatedAt = firstRun.getTime() - ageMs;
      org.releaseFinding(late, updatedAt);
      const second = await provider.sync({
        ...m.ctx(undefined, new Date(firstRun.getTime() + 30 * MINUTE)),
        targets: [target],
      });
      expect(second.outcomes[0].status).toBe('ok');
      return {
        stored: m.findings.get(org.finding(late).id),
        updatedAt: new Date(updatedAt).toISOString(),
      };
    }

    it.each(['asff', 'ocsf'] as const)(
      'is read by the next run, which re-reads the default one-hour lookback (%s)',
      async api => {
        const { stored, updatedAt } = await lateFinding(api, {}, 10 * MINUTE);
        expect(stored?.updatedAt).toBe(updatedAt);
      },
    );

    it('is read within a configured lookback and missed beyond it', async () => {
      const within = await lateFinding(
        'asff',
        { lookback: { minutes: 20 } },
        15 * MINUTE,
      );
      expect(within.stored?.updatedAt).toBe(within.updatedAt);
      const beyond = await lateFinding(
        'asff',
        { lookback: 'PT5M' },
        15 * MINUTE,
      );
      expect(beyond.stored).toBeUndefined();
    });
  });

  it.each([
    [
      { lookback: 'soon' },
      /regionExpansion\.governance\.securityHub\.lookback/,
    ],
    [{ lookback: { months: 1 } }, /securityHub\.lookback: .*months/],
    [
      { lookback: { hours: -1 } },
      /securityHub\.lookback: must not be negative/,
    ],
  ])('rejects the invalid lookback %j naming the key', (securityHub, error) => {
    expect(() => contextFor('asff', securityHub)).toThrow(error);
  });

  describe('coverage', () => {
    const awsRegions = catalog
      .regions()
      .filter(r => r.partition === 'aws')
      .map(r => r.id)
      .sort();

    it.each(['asff', 'ocsf'] as const)(
      'proves the aggregation Region and the Regions linked to the aggregator, not the one left out (%s)',
      async api => {
        const { provider } = contextFor(api);
        const m = memory();
        const report = await provider.sync({
          ...m.ctx(),
          targets: provider.targets(),
        });
        const aws = report.outcomes.find(o => o.target.partition === 'aws')!;
        const eusc = report.outcomes.find(
          o => o.target.partition === 'aws-eusc',
        )!;
        // The simulator leaves out the last aws Region the organization
        // does not use: us-west-2.
        expect(org.findingAggregatorOf('aws')?.regions).toEqual(['us-west-2']);
        expect(aws.coverage!.regions.map(r => r.region).sort()).toEqual(
          awsRegions.filter(r => r !== 'us-west-2'),
        );
        expect(
          aws.coverage!.regions.find(r => r.region === 'us-east-1'),
        ).toMatchObject({ method: 'aggregation-region' });
        expect(
          aws.coverage!.regions.find(r => r.region === 'eu-west-1'),
        ).toMatchObject({
          method: 'finding-aggregator',
          detail: expect.stringContaining('us-east-1'),
        });
        // CSPM names the Region left out; the new Security Hub lists the
        // linked ones.
        expect(aws.coverage!.scope).toMatch(
          api === 'asff'
            ? /ALL_REGIONS_EXCEPT_SPECIFIED: .* except us-west-2\./
            : /SPECIFIED_REGIONS: .* except us-west-2\./,
        );
        expect(eusc.coverage!.regions).toEqual([
          expect.objectContaining({
            region: 'eusc-de-east-1',
            method: 'aggregation-region',
          }),
        ]);
      },
    );

    it('proves only the aggregation Region when the aggregator cannot be read, and logs why', async () => {
      const { provider } = contextFor();
      const m = memory();
      const warn = jest.fn();
      faults.faults.serverErrorPercent = 0;
      const target = provider.targets()[0];
      // GetFindings works; ListFindingAggregators is refused.
      harness.server.use(
        http.get('*/findingAggregator/list', () =>
          HttpResponse.json(
            {
              message:
                'User: arn:aws:sts::1:assumed-role/R/x is not authorized',
            },
            {
              status: 403,
              headers: { 'x-amzn-errortype': 'AccessDeniedException' },
            },
          ),
        ),
      );
      try {
        const report = await provider.sync({
          ...m.ctx(),
          logger: { info: () => {}, warn },
          targets: [target],
        });
        expect(report.outcomes[0]).toMatchObject({
          status: 'ok',
          coverage: {
            regions: [
              expect.objectContaining({
                region: target.region,
                method: 'aggregation-region',
              }),
            ],
            scope: expect.stringContaining('access-denied'),
          },
        });
        expect(report.outcomes[0].coverage!.scope).not.toContain('arn:');
        expect(warn.mock.calls.join('\n')).toContain('arn:aws:sts::1');
      } finally {
        harness.server.resetHandlers();
      }
    });
  });

  it('reads through GetFindingsV2 (OCSF) when configured', async () => {
    const { provider } = contextFor('ocsf');
    expect(provider.source).toBe('securityhub-ocsf');
    const m = memory();
    const target = provider.targets().find(t => t.partition === 'aws-eusc')!;
    await provider.sync({ ...m.ctx(), targets: [target] });
    const [from, to] = org.findingRangeOf(target.partition, target.accountId);
    expect(m.findings.size).toBe(to - from);
    const any = [...m.findings.values()][0];
    expect(any).toMatchObject({
      partition: 'aws-eusc',
      accountId: target.accountId,
      recordState: expect.stringMatching(/ACTIVE|ARCHIVED/),
    });
    expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(
      any.severity,
    );
  });
});
