import { ConfigReader } from '@backstage/config';
import { createGovernanceTestHarness } from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceFindingRow,
  GovernanceSyncContext,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { SecurityHubGovernanceProvider } from './SecurityHubGovernanceProvider';

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

function contextFor(api: 'asff' | 'ocsf' = 'asff') {
  const config = new ConfigReader(
    harness.config({
      concurrency: 4,
      rateLimits: {
        GetFindings: { ratePerSecond: 1000, burst: 1000 },
        GetFindingsV2: { ratePerSecond: 1000, burst: 1000 },
      },
      securityHub: { api },
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
  it('reads every finding of every account from each partition home Region, then only what changed', async () => {
    const { provider } = contextFor();
    const m = memory();
    const targets = provider.targets();
    expect(targets.map(t => t.region)).toEqual(
      org.accounts.map(a => org.partitionOf(a.partition).homeRegion),
    );
    const first = await provider.sync({ ...m.ctx(), targets });
    expect(first.outcomes.every(o => o.status === 'ok')).toBe(true);
    expect(m.findings.size).toBe(org.findingCount);
    const row = m.findings.get(org.finding(0).id)!;
    expect(row).toMatchObject({
      severity: org.finding(0).severityLabel,
      controlId: org.finding(0).control.id,
      partition: org.finding(0).partition,
    });

    const writesBefore = m.writes;
    const changed = org.advance(1);
    await provider.sync({
      ...m.ctx(undefined, new Date(org.clock + 1000)),
      targets,
    });
    expect(m.writes - writesBefore).toBe(changed.length);
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
    expect(failed[0].reason).toMatch(/AccessDeniedException/);
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
