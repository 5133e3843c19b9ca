import { ConfigReader } from '@backstage/config';
import {
  createGovernanceTestHarness,
  targetKey,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceRows,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { AwsConfigGovernanceProvider } from './AwsConfigGovernanceProvider';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 17,
  faultSeed: 2,
  catalog,
  conformancePacksPerAccountRegion: 3,
});
const { org, faults } = harness;

function provider(
  awsConfig: {
    aggregatorName?: string;
    aggregatorAccounts?: Record<string, string>;
  } = {},
) {
  const config = new ConfigReader(
    harness.config({ awsConfig }, { regional: true }),
  );
  return AwsConfigGovernanceProvider.fromConfig(config, {
    context: GovernanceAwsContext.fromConfig(config, { catalog }),
  });
}

const key = targetKey;

const memory = () =>
  harness.rowsByTarget((rows: GovernanceRows) => rows.conformanceScores);

describe('AwsConfigGovernanceProvider', () => {
  it('reads every pack of every account and Region through the discovered aggregator', async () => {
    const p = provider();
    const m = memory();
    const targets = p.targets();
    expect(targets).toHaveLength(
      org.accounts.reduce((n, a) => n + org.regionsOf(a.partition).length, 0),
    );
    const report = await p.sync({ ...m.ctx(), targets });
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    const rows = m.all();
    expect(rows).toHaveLength(org.conformancePacks.length);
    for (const target of targets) {
      const own = m.byTarget.get(key(target))!;
      expect(own.length).toBeGreaterThan(0);
      expect(
        own.every(
          r =>
            r.accountId === target.accountId &&
            r.region === target.region &&
            r.partition === target.partition,
        ),
      ).toBe(true);
    }
    const pack = org.conformancePacks[0];
    const row = rows.find(
      r =>
        r.accountId === pack.accountId &&
        r.region === pack.region &&
        r.packName === pack.name,
    )!;
    expect(row).toEqual({
      partition: pack.partition,
      accountId: pack.accountId,
      region: pack.region,
      packName: pack.name,
      complianceType:
        pack.nonCompliantRuleCount > 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
      compliantRules: pack.compliantRuleCount,
      nonCompliantRules: pack.nonCompliantRuleCount,
      totalRules: pack.totalRuleCount,
      score:
        Math.round((pack.compliantRuleCount / pack.totalRuleCount) * 10_000) /
        100,
    });
  });

  it('pages through more than 100 packs of one target', async () => {
    const base = org.conformancePacks[0];
    const extra = Array.from({ length: 230 }, (_, i) => ({
      ...base,
      name: `${base.name}-${i}`,
    }));
    org.conformancePacks.push(...extra);
    try {
      const p = provider();
      const m = memory();
      const target = {
        partition: base.partition,
        accountId: base.accountId,
        region: base.region,
      };
      const report = await p.sync({ ...m.ctx(), targets: [target] });
      expect(report.outcomes[0]).toMatchObject({ status: 'ok', pages: 3 });
      expect(m.byTarget.get(key(target))).toHaveLength(
        org.conformancePacks.filter(
          x => x.accountId === target.accountId && x.region === target.region,
        ).length,
      );
    } finally {
      org.conformancePacks.splice(-extra.length);
    }
  });

  it('proves coverage of each Region the aggregator aggregates and reports packs from', async () => {
    const p = provider();
    const m = memory();
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    for (const outcome of report.outcomes) {
      const packs = org.conformancePacks.filter(
        x =>
          x.accountId === outcome.target.accountId &&
          x.region === outcome.target.region,
      );
      expect(outcome.coverage).toEqual({
        regions: [
          {
            region: outcome.target.region,
            method: 'config-aggregator',
            detail: `${packs.length} conformance packs reported through AWS Config aggregator organization-aggregator`,
          },
        ],
        scope: expect.stringContaining(
          `account ${outcome.target.accountId} in ${outcome.target.region}`,
        ),
      });
    }
  });

  it('uses a configured aggregator, and states a reason when it does not exist', async () => {
    const m = memory();
    const missing = provider({ aggregatorName: 'no-such-aggregator' });
    const report = await missing.sync({
      ...m.ctx(),
      targets: missing.targets(),
    });
    expect(report.outcomes.every(o => o.status === 'unavailable')).toBe(true);
    expect(report.outcomes.every(o => o.reasonKind === 'not-enabled')).toBe(
      true,
    );
    expect(report.outcomes[0].reason).toMatch(
      /no-such-aggregator does not exist/,
    );
    expect(m.all()).toHaveLength(0);
  });

  it('rejects an aggregator account outside the partition', () => {
    const eusc = org.accounts.find(a => a.partition === 'aws-eusc')!;
    expect(() => provider({ aggregatorAccounts: { aws: eusc.id } })).toThrow(
      /not a governance target of partition aws/,
    );
  });

  it('finishes through throttling and 5xx; a denied aggregator account fails its partition with the reason, others go on', async () => {
    const awsAggregator = org.accounts.filter(a => a.partition === 'aws')[1];
    const p = provider({ aggregatorAccounts: { aws: awsAggregator.id } });
    const m = memory();
    Object.assign(faults.faults, {
      throttlePercent: 30,
      serverErrorPercent: 5,
      accessDeniedAccounts: [awsAggregator.id],
    });
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    expect(report.outcomes.map(o => [o.target.partition, o.status])).toEqual(
      report.outcomes.map(o => [
        o.target.partition,
        o.target.partition === 'aws' ? 'failed' : 'ok',
      ]),
    );
    const awsReasons = report.outcomes
      .filter(o => o.target.partition === 'aws')
      .map(o => o.reason);
    expect(awsReasons.length).toBeGreaterThan(0);
    expect(awsReasons.every(r => /AccessDeniedException/.test(r ?? ''))).toBe(
      true,
    );
    expect(
      report.outcomes
        .filter(o => o.target.partition === 'aws')
        .every(o => o.reasonKind === 'access-denied'),
    ).toBe(true);
    expect(m.all()).toHaveLength(
      org.conformancePacks.filter(x => x.partition === 'aws-eusc').length,
    );
  });

  it('writes nothing for a target aborted midway, and a later run completes it', async () => {
    const p = provider();
    const m = memory();
    const target = p.targets()[0];
    const controller = new AbortController();
    faults.faults.latencyMs = 30;
    setTimeout(() => controller.abort(new Error('killed')), 40);
    const report = await p.sync({
      ...m.ctx(controller.signal),
      targets: [target],
    });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/aborted/),
    });
    expect(m.byTarget.has(key(target))).toBe(false);
    faults.faults.latencyMs = 0;
    const again = await p.sync({ ...m.ctx(), targets: [target] });
    expect(again.outcomes[0].status).toBe('ok');
    expect(m.byTarget.get(key(target))!.length).toBeGreaterThan(0);
  });
});
