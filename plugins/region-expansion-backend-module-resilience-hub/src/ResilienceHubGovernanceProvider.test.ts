import { ConfigReader } from '@backstage/config';
import {
  createGovernanceTestHarness,
  targetKey,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceRows,
  LocationCatalog,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import { ResilienceHubGovernanceProvider } from './ResilienceHubGovernanceProvider';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 11,
  faultSeed: 5,
  catalog,
  appsPerAccount: 5,
});
const { org, faults } = harness;

function provider() {
  const config = new ConfigReader(
    harness.config(
      { resilienceHub: { appConcurrency: 2 } },
      { regional: true },
    ),
  );
  return ResilienceHubGovernanceProvider.fromConfig(config, {
    context: GovernanceAwsContext.fromConfig(config, { catalog }),
  });
}

const key = targetKey;

const memory = () =>
  harness.rowsByTarget((rows: GovernanceRows) => rows.resilienceApps);

function expectedRow(app: (typeof org.resilienceApps)[number]) {
  const latest = app.assessments
    .filter(a => a.status === 'Success')
    .sort((a, b) => b.endTime - a.endTime)[0];
  return { app, latest };
}

describe('ResilienceHubGovernanceProvider', () => {
  it('reads every app in every account and Region with its latest successful assessment', async () => {
    const p = provider();
    const m = memory();
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    expect(report.source).toBe('resiliencehub');
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    const rows = m.all();
    expect(rows).toHaveLength(org.resilienceApps.length);
    const notAssessed: ResilienceAppRow[] = [];
    for (const simulated of org.resilienceApps) {
      const { latest } = expectedRow(simulated);
      const row = rows.find(r => r.appArn === simulated.arn)!;
      expect(row.region).toBe(simulated.region);
      expect(row.accountId).toBe(simulated.accountId);
      if (!latest) {
        notAssessed.push(row);
        continue;
      }
      expect(row.assessmentArn).toBe(latest.arn);
      expect(row.complianceStatus).toBe(latest.complianceStatus);
      expect(row.driftStatus).toBe(latest.driftStatus);
      expect(row.resiliencyScore).toBe(latest.resiliencyScore);
      expect(row.assessedAt).toBe(
        new Date(latest.endTime * 1000).toISOString(),
      );
      expect(row.disruptions.map(d => d.disruptionType)).toEqual([
        'Software',
        'Hardware',
        'AZ',
        'Region',
      ]);
      const region = row.disruptions.find(d => d.disruptionType === 'Region')!;
      expect(region).toMatchObject({
        currentRtoInSecs: latest.current.Region.rtoInSecs,
        currentRpoInSecs: latest.current.Region.rpoInSecs,
        targetRtoInSecs: simulated.policy.Region.rtoInSecs,
        targetRpoInSecs: simulated.policy.Region.rpoInSecs,
      });
      expect(['PolicyMet', 'PolicyBreached']).toContain(
        region.complianceStatus,
      );
    }
    expect(notAssessed.every(r => r.complianceStatus === 'NotAssessed')).toBe(
      true,
    );
  });

  it('pages through more than 100 apps and more than 100 assessments', async () => {
    const simulated = org.resilienceApps[0];
    const extraApps = Array.from({ length: 130 }, (_, i) => ({
      ...simulated,
      arn: `${simulated.arn}-extra-${i}`,
      name: `${simulated.name}-extra-${i}`,
    }));
    const base = simulated.assessments.find(a => a.status === 'Success')!;
    const extraAssessments = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      arn: `${base.arn}-old-${i}`,
      endTime: base.endTime - 100_000 - i,
      startTime: base.startTime - 100_000 - i,
    }));
    const savedAssessments = simulated.assessments;
    simulated.assessments = [...savedAssessments, ...extraAssessments];
    org.resilienceApps.push(...extraApps);
    try {
      const p = provider();
      const m = memory();
      const target = {
        partition: simulated.partition,
        accountId: simulated.accountId,
        region: simulated.region,
      };
      const report = await p.sync({ ...m.ctx(), targets: [target] });
      expect(report.outcomes[0]).toMatchObject({ status: 'ok', pages: 2 });
      const rows = m.byTarget.get(key(target))!;
      expect(rows.length).toBe(
        org.resilienceApps.filter(
          a => a.accountId === target.accountId && a.region === target.region,
        ).length,
      );
      expect(rows.find(r => r.appArn === simulated.arn)!.assessmentArn).toBe(
        expectedRow(simulated).latest!.arn,
      );
    } finally {
      org.resilienceApps.splice(-extraApps.length);
      simulated.assessments = savedAssessments;
    }
  });

  it('keeps unknown disruption types and status strings', async () => {
    const simulated = org.resilienceApps.find(a =>
      a.assessments.some(s => s.status === 'Success'),
    )!;
    const latest = expectedRow(simulated).latest!;
    const saved = { ...latest, current: { ...latest.current } };
    const savedPolicy = { ...simulated.policy };
    (latest.current as any).Cell = { rtoInSecs: 9, rpoInSecs: 4 };
    (simulated.policy as any).Cell = { rtoInSecs: 10, rpoInSecs: 5 };
    latest.complianceStatus = 'PolicyPartiallyMet';
    latest.driftStatus = 'DriftUnknown';
    try {
      const p = provider();
      const m = memory();
      await p.sync({
        ...m.ctx(),
        targets: [
          {
            partition: simulated.partition,
            accountId: simulated.accountId,
            region: simulated.region,
          },
        ],
      });
      const row = m.all().find(r => r.appArn === simulated.arn)!;
      expect(row.complianceStatus).toBe('PolicyPartiallyMet');
      expect(row.driftStatus).toBe('DriftUnknown');
      expect(row.disruptions.map(d => d.disruptionType)).toEqual([
        'Software',
        'Hardware',
        'AZ',
        'Region',
        'Cell',
      ]);
      expect(row.disruptions[4]).toEqual({
        disruptionType: 'Cell',
        currentRtoInSecs: 9,
        currentRpoInSecs: 4,
        targetRtoInSecs: 10,
        targetRpoInSecs: 5,
        complianceStatus: 'PolicyMet',
      });
    } finally {
      Object.assign(latest, saved);
      simulated.policy = savedPolicy;
    }
  });

  it('proves coverage of a Region only where an application has a successful assessment', async () => {
    const p = provider();
    const m = memory();
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    const expected = report.outcomes.map(outcome => {
      const { accountId, region } = outcome.target;
      const apps = org.resilienceApps.filter(
        a => a.accountId === accountId && a.region === region,
      );
      const assessed = apps.filter(a =>
        a.assessments.some(x => x.status === 'Success'),
      ).length;
      const counted = `${assessed} of ${
        apps.length
      } Resilience Hub application${
        apps.length === 1 ? '' : 's'
      } in account ${accountId} in ${region} ${
        assessed === 1 ? 'has' : 'have'
      } a successful assessment`;
      if (apps.length === 0)
        return {
          regions: [],
          scope: `No Resilience Hub application in account ${accountId} in ${region}.`,
        };
      return {
        regions: assessed
          ? [{ region, method: 'assessed-applications', detail: counted }]
          : [],
        scope: `${counted}.`,
      };
    });
    expect(report.outcomes.map(o => o.coverage)).toEqual(expected);
    // Both cases occur in this organization.
    const proved = expected.filter(e => e.regions.length > 0).length;
    expect(proved).toBeGreaterThan(0);
    expect(proved).toBeLessThan(report.outcomes.length);
  });

  it('finishes through 30% throttling and 5xx, and reports AccessDenied accounts with the reason', async () => {
    const p = provider();
    const m = memory();
    const denied = org.accounts[1].id;
    Object.assign(faults.faults, {
      throttlePercent: 30,
      serverErrorPercent: 5,
      accessDeniedAccounts: [denied],
    });
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    const failed = report.outcomes.filter(o => o.status === 'failed');
    expect(new Set(failed.map(o => o.target.accountId))).toEqual(
      new Set([denied]),
    );
    expect(failed[0].reason).toMatch(/AccessDeniedException/);
    expect(failed[0].reasonKind).toBe('access-denied');
    expect(m.all().length).toBe(
      org.resilienceApps.filter(a => a.accountId !== denied).length,
    );
  });

  it('writes nothing for a target aborted midway, and a later run completes it', async () => {
    const p = provider();
    const m = memory();
    const simulated = org.resilienceApps[0];
    const target = {
      partition: simulated.partition,
      accountId: simulated.accountId,
      region: simulated.region,
    };
    const controller = new AbortController();
    faults.faults.latencyMs = 20;
    setTimeout(() => controller.abort(new Error('killed')), 30);
    try {
      const report = await p.sync({
        ...m.ctx(controller.signal),
        targets: [target],
      });
      expect(report.outcomes[0]).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/aborted/),
      });
      expect(m.byTarget.has(key(target))).toBe(false);
    } finally {
      faults.faults.latencyMs = 0;
    }
    const resumed = await p.sync({ ...m.ctx(), targets: [target] });
    expect(resumed.outcomes[0].status).toBe('ok');
    expect(m.byTarget.get(key(target))!.map(r => r.appArn)).toContain(
      simulated.arn,
    );
  });
});
