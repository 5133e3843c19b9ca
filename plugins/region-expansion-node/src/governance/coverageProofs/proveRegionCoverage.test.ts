import { ConfigReader } from '@backstage/config';
import { GOVERNANCE_COVERAGE_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import { createGovernanceTestHarness } from '@region-expansion/aws-simulator';
import { evaluateReadiness } from '../../readiness/evaluateReadiness';
import { LocationCatalog } from '../../locations';
import { GovernanceAwsContext } from '../GovernanceAwsContext';
import { GovernanceCoverageSignals } from './GovernanceCoverageSignals';

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 16,
  faultSeed: 2,
  catalog,
  regionsPerPartition: 4,
  appsPerAccount: 12,
  coverageGaps: 'seeded',
});
const [home, covered, uncovered, denied] =
  harness.org.partitionOf('aws').regions;
const now = new Date('2026-12-06T12:00:00.000Z');

/** Governance reads every Region the organization uses. */
const regionalConfig = () => harness.config({}, { regional: true });

function coverageSignals(config = regionalConfig()) {
  const aws = GovernanceAwsContext.fromConfig(new ConfigReader(config), {
    catalog,
  });
  return GovernanceCoverageSignals.create({ aws, catalog, now: () => now });
}

const statusOf = async (region: string, config = regionalConfig()) =>
  Object.fromEntries(
    (await coverageSignals(config).proofsFor(region)).map(p => [
      p.check,
      p.status,
    ]),
  );

describe('governance coverage proofs through the SDKs and the simulator', () => {
  it('proves every source in the home Region and a linked, recorded, assessed Region', async () => {
    for (const region of [home, covered]) {
      const proofs = await coverageSignals().proofsFor(region);
      expect(proofs.map(p => [p.check, p.status])).toEqual(
        GOVERNANCE_COVERAGE_CHECKS.map(c => [c, 'proven']),
      );
    }
    const [securityHub] = await coverageSignals().proofsFor(covered);
    expect(securityHub.shown).toContain(
      `${covered} is linked to the finding aggregator in ${home} (ALL_REGIONS_EXCEPT_SPECIFIED)`,
    );
  });

  it('says what is missing in a Region governance does not watch', async () => {
    const proofs = await coverageSignals().proofsFor(uncovered);
    expect(proofs.map(p => [p.check, p.status])).toEqual(
      GOVERNANCE_COVERAGE_CHECKS.map(c => [c, 'missing']),
    );
    const [securityHub, config, resilience, audit] = proofs;
    const [account] = harness.org.accounts;
    expect(securityHub.missing).toContain(
      `Security Hub is not enabled for account ${account.id} in ${uncovered}`,
    );
    expect(config.missing).toEqual(
      expect.arrayContaining([
        `no AWS Config recorder is recording account ${account.id} in ${uncovered}`,
        `no AWS Config delivery channel delivers account ${account.id} in ${uncovered}`,
        `no AWS Config aggregator in ${home} aggregates ${uncovered}`,
      ]),
    );
    expect(resilience.missing).toEqual([
      `no Resilience Hub application is registered in ${uncovered} for the configured accounts`,
    ]);
    expect(audit.missing[0]).toBe(
      `account ${account.id} is in no active Audit Manager assessment and has no aggregated conformance pack in ${uncovered}`,
    );
  });

  it('cannot prove a Region whose reads are denied, and says so without AWS text', async () => {
    const proofs = await coverageSignals().proofsFor(denied);
    expect(Object.fromEntries(proofs.map(p => [p.check, p.status]))).toEqual({
      'governance-coverage:security-hub': 'unknown',
      'governance-coverage:config': 'unknown',
      'governance-coverage:resilience-hub': 'unknown',
      // The aggregator in the home Region still reports its packs.
      'governance-coverage:audit': 'proven',
    });
    const unknown = proofs.flatMap(p => p.unknown);
    expect(new Set(unknown.map(u => u.kind))).toEqual(
      new Set(['access-denied']),
    );
    expect(JSON.stringify(proofs)).not.toMatch(/arn:|assumed-role/);
  });

  it('reads every proof as unknown when the configured accounts are denied', async () => {
    harness.faults.faults.accessDeniedAccounts = harness.org.accounts.map(
      a => a.id,
    );
    expect(await statusOf(covered)).toEqual(
      Object.fromEntries(GOVERNANCE_COVERAGE_CHECKS.map(c => [c, 'unknown'])),
    );
  });

  it('reads every proof as unknown, not configured, for a partition without targets', async () => {
    const config = regionalConfig();
    const governance = (config.regionExpansion as any).governance;
    governance.targets = governance.targets.filter(
      (t: { partition: string }) => t.partition !== 'aws',
    );
    const proofs = await coverageSignals(config).proofsFor(covered);
    expect(proofs.map(p => [p.status, p.unknown[0].kind])).toEqual(
      GOVERNANCE_COVERAGE_CHECKS.map(() => ['unknown', 'not-configured']),
    );
  });

  it('reads nothing in a Region outside the configured Regions: unknown, not configured', async () => {
    const before = harness.faults.totalRequests;
    const proofs = await coverageSignals(harness.config()).proofsFor(covered);
    expect(proofs.map(p => [p.status, p.unknown[0].detail])).toEqual(
      GOVERNANCE_COVERAGE_CHECKS.map(() => [
        'unknown',
        `${covered} is not among the Regions governance reads in partition aws (regionExpansion.governance.targets[].regions)`,
      ]),
    );
    expect(harness.faults.totalRequests).toBe(before);
  });

  it('turns proofs into readiness signals: proven passes, missing blocks (waivable), unknown stays open', async () => {
    const signals = coverageSignals();
    const at = (region: string) =>
      signals.signalsFor(region).then(governance =>
        evaluateReadiness({
          locationId: region,
          signals: governance,
          now,
          waivers: [
            {
              locationId: uncovered,
              check: 'governance-coverage:resilience-hub',
              reason: 'applications are registered after launch',
              approver: 'user:default/ciso',
              expiresAt: '2027-01-01T00:00:00.000Z',
            },
          ],
        }),
      );
    const ok = await at(covered);
    for (const check of GOVERNANCE_COVERAGE_CHECKS)
      expect(ok.signals[check].status).toBe('pass');
    const gap = await at(uncovered);
    expect(gap.level).toBe('blocked');
    expect(gap.blockers.map(b => b.check)).toContain(
      'governance-coverage:security-hub',
    );
    expect(gap.signals['governance-coverage:resilience-hub']).toMatchObject({
      status: 'fail',
      waived: true,
    });
    expect(
      gap.blockers.some(b => b.check === 'governance-coverage:resilience-hub'),
    ).toBe(false);
    const unreadable = await at(denied);
    expect(unreadable.signals['governance-coverage:config']).toMatchObject({
      status: 'unknown',
      detail: expect.stringMatching(/cannot be proven for .*access-denied/),
    });
  });
});
