import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createGovernanceTestHarness } from '@region-expansion/aws-simulator';
import { GOVERNANCE_COVERAGE_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import {
  GovernanceAwsContext,
  GovernanceCoverageSignals,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { setupReadiness } from '../__testUtils__/readinessService';
import { testDatabaseIds } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 16,
  faultSeed: 3,
  catalog,
  partitionIds: ['aws'],
  regionsPerPartition: 4,
  appsPerAccount: 12,
  coverageGaps: 'seeded',
});
const [home, , uncovered, denied] = harness.org.partitionOf('aws').regions;

/** The readiness service with the coverage proofs wired as plugin.ts wires them. */
const setup = (databaseId: string) =>
  setupReadiness(databases, databaseId, [
    GovernanceCoverageSignals.create({
      aws: GovernanceAwsContext.fromConfig(
        new ConfigReader(harness.config({}, { regional: true })),
        { catalog },
      ),
      catalog,
    }),
  ]);

const coverageOf = (evaluation: {
  signals: Record<string, { status: string; waived: boolean }>;
}) =>
  Object.fromEntries(
    GOVERNANCE_COVERAGE_CHECKS.map(c => [c, evaluation.signals[c].status]),
  );

describe.each(databases.eachSupportedId())(
  'readiness with governance coverage proofs on %p',
  id => {
    it('stores the proofs of each Region as signals: passed, blocking or unknown', async () => {
      const { readiness } = await setup(id);
      const proven = await readiness.evaluate(home, 'manual');
      expect(coverageOf(proven)).toEqual(
        Object.fromEntries(GOVERNANCE_COVERAGE_CHECKS.map(c => [c, 'pass'])),
      );
      const gap = await readiness.evaluate(uncovered, 'manual');
      expect(gap.level).toBe('blocked');
      expect(coverageOf(gap)).toEqual(
        Object.fromEntries(GOVERNANCE_COVERAGE_CHECKS.map(c => [c, 'fail'])),
      );
      expect(gap.blockers).toContainEqual(
        expect.objectContaining({
          check: 'governance-coverage:config',
          detail: `no AWS Config aggregator in ${home} aggregates ${uncovered}`,
        }),
      );
      const unreadable = await readiness.evaluate(denied, 'manual');
      expect(
        unreadable.signals['governance-coverage:security-hub'],
      ).toMatchObject({
        status: 'unknown',
        detail: expect.stringMatching(/access-denied/),
      });
      expect(
        (await readiness.getLatest(uncovered)).signals[
          'governance-coverage:config'
        ].status,
      ).toBe('fail');
    });

    it('lifts a missing proof with a waiver until it expires', async () => {
      const { readiness } = await setup(id);
      const { evaluation } = await readiness.addWaiver(
        {
          locationId: uncovered,
          check: 'governance-coverage:resilience-hub',
          reason: 'applications are registered after the first tenant',
          approver: 'user:default/ciso',
          expiresAt: '2026-12-10T00:00:00.000Z',
        },
        'user:default/platform-admin',
      );
      expect(
        evaluation.signals['governance-coverage:resilience-hub'],
      ).toMatchObject({ status: 'fail', waived: true });
      expect(evaluation.blockers.map(b => b.check)).not.toContain(
        'governance-coverage:resilience-hub',
      );
    });
  },
);
