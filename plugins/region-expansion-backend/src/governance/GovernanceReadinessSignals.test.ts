import { TestDatabases } from '@backstage/backend-test-utils';
import {
  governanceReasonSentence,
  GovernanceSource,
  GovernanceTarget,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import path from 'node:path';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { GovernanceReadinessSignals } from './GovernanceReadinessSignals';
import {
  conformanceScore,
  coverageProof,
  createGovernance,
  recordAccessDenied,
  recordCoveredRun,
} from '../__testUtils__/governance';
import { GovernanceStores } from './governanceStores';

/*
 * The judgement itself (freshness, coverage, the security, resilience and
 * audit signals) is tested in the node library (readiness/governance*);
 * here, that the signals read from each store are judged as they should be.
 */
jest.setTimeout(60_000);

const NOW = new Date('2026-11-26T12:00:00.000Z');

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');
const catalog = LocationCatalog.fromSnapshot();
const eusc = catalog.partition('aws-eusc')!;
const REGION = eusc.homeRegion;

describe.each(databases.eachSupportedId())(
  'GovernanceReadinessSignals on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      const { stores, service } = createGovernance(knex);
      const signals = GovernanceReadinessSignals.create({
        store: service,
        catalog,
        now: () => NOW,
      });
      return { stores, signals };
    }
    const target: GovernanceTarget = {
      partition: 'aws-eusc',
      accountId: '900000000001',
      region: REGION,
    };
    /** A successful run that proved it covers the target's Region. */
    const ok = (
      stores: GovernanceStores,
      source: GovernanceSource,
      at = '2026-11-26T11:00:00.000Z',
    ) =>
      recordCoveredRun(stores, source, {
        target,
        at,
        regions: [coverageProof(REGION, 'aggregation-region', 'read there')],
        scope: `read in ${REGION}`,
      });

    it('is unknown everywhere without data, never pass', async () => {
      const { signals } = await setup();
      const result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('unknown');
      expect(result.resilience!.status).toBe('unknown');
      expect(result.audit!.status).toBe('unknown');
      expect(await signals.signalsFor('not-a-location')).toEqual({});
    });

    it('fails and warns with named blockers from stored findings, apps and scores', async () => {
      const { stores, signals } = await setup();
      await stores.findings.upsertFindings('securityhub', [
        {
          findingId: 'f-1',
          ...target,
          severity: 'CRITICAL',
          complianceStatus: 'FAILED',
          controlId: 'KMS.4',
          recordState: 'ACTIVE',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        },
        {
          findingId: 'f-2',
          ...target,
          severity: 'CRITICAL',
          complianceStatus: 'FAILED',
          controlId: 'KMS.4',
          recordState: 'ARCHIVED',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        },
      ]);
      await ok(stores, 'securityhub');
      await stores.snapshots.replaceResilienceApps(target, [
        {
          appArn: 'app-1',
          appName: 'payments',
          ...target,
          assessmentArn: 'as-1',
          complianceStatus: 'PolicyBreached',
          disruptions: [
            {
              disruptionType: 'AZ',
              currentRpoInSecs: 900,
              targetRpoInSecs: 300,
            },
          ],
        },
      ]);
      await ok(stores, 'resiliencehub');
      await stores.snapshots.replaceConformanceScores(target, [
        conformanceScore(
          target,
          'Operational-Best-Practices-for-Encryption',
          8,
          10,
        ),
      ]);
      await ok(stores, 'config');
      await stores.syncState.recordOutcome(
        'auditmanager',
        {
          target,
          status: 'unavailable',
          reason: 'Audit Manager is not set up',
          pages: 0,
          rows: 0,
        },
        '2026-11-26T11:00:00.000Z',
      );
      const result = await signals.signalsFor(REGION);
      expect(result.security).toMatchObject({
        status: 'fail',
        blockers: ['CRITICAL KMS.4: 1 active failed finding'],
        observedAt: '2026-11-26T11:00:00.000Z',
      });
      expect(result.resilience).toMatchObject({
        status: 'fail',
        blockers: ['payments: AZ RPO 900s > target 300s'],
      });
      expect(result.audit!.status).toBe('warn');
      expect(result.audit!.blockers[0]).toMatch(/Encryption.*score 80 < 90/);
    });

    it('passes only on fresh evidence and turns stale data into warn with the reason', async () => {
      const { stores, signals } = await setup();
      await ok(stores, 'securityhub');
      await ok(stores, 'config');
      await stores.snapshots.replaceConformanceScores(target, [
        conformanceScore(target, 'p', 10, 10),
      ]);
      let result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('pass');
      expect(result.audit!.status).toBe('pass');
      await recordAccessDenied(
        stores,
        'securityhub',
        target,
        '2026-11-26T11:30:00.000Z',
      );
      await ok(stores, 'config', '2026-11-20T00:00:00.000Z');
      result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('warn');
      expect(result.security!.blockers.join()).toContain(
        governanceReasonSentence('access-denied', 'securityhub', target),
      );
      expect(result.security!.blockers.join()).not.toMatch(/AccessDenied/);
      expect(result.audit!.status).toBe('warn');
      expect(result.audit!.blockers.join()).toMatch(/last synced 2026-11-20/);
    });

    it('is unknown, not pass, where the sources do not prove they cover the Region, and passes where they do', async () => {
      const { stores, signals } = await setup();
      const home: GovernanceTarget = {
        partition: 'aws',
        accountId: '100000000001',
        region: 'us-east-1',
      };
      const other: GovernanceTarget = { ...home, accountId: '100000000002' };
      const at = '2026-11-26T11:00:00.000Z';
      // Both accounts' finding aggregators link every Region but us-west-2;
      // no failed finding anywhere.
      const readInHome = coverageProof(
        'us-east-1',
        'aggregation-region',
        'findings are read in us-east-1',
      );
      for (const t of [home, other])
        await recordCoveredRun(stores, 'securityhub', {
          target: t,
          at,
          rows: 0,
          regions: [
            readInHome,
            coverageProof(
              'eu-west-1',
              'finding-aggregator',
              'linked to the finding aggregator in us-east-1 (ALL_REGIONS_EXCEPT_SPECIFIED)',
            ),
          ],
          scope:
            'The finding aggregator in us-east-1 links ALL_REGIONS_EXCEPT_SPECIFIED: every Region of aws in the location catalog except us-west-2.',
        });
      // Resilience Hub in us-west-2: applications, none assessed.
      const west: GovernanceTarget = { ...home, region: 'us-west-2' };
      await stores.snapshots.replaceResilienceApps(west, [
        {
          appArn: 'app-w',
          appName: 'orders',
          ...west,
          complianceStatus: 'NotAssessed',
          disruptions: [],
        },
      ]);
      await recordCoveredRun(stores, 'resiliencehub', {
        target: west,
        at,
        scope:
          '0 of 1 Resilience Hub application in account 100000000001 in us-west-2 have a successful assessment.',
      });
      // Audit Manager controls in us-west-2 from an assessment whose scope
      // is another account; AWS Config packs in eu-west-1, proved.
      await stores.snapshots.replaceAuditControls(west, [
        {
          ...west,
          assessmentId: 'a-1',
          assessmentName: 'SOC 2 - other',
          framework: 'SOC 2',
          controlSetId: 'set',
          controlId: 'c-1',
          controlName: 'SOC-1.1',
          controlStatus: 'REVIEWED',
          evidenceCount: 3,
          folders: [],
        },
      ]);
      await recordCoveredRun(stores, 'auditmanager', {
        target: west,
        at,
        scope:
          '1 active Audit Manager assessment in us-west-2, none with account 100000000001 in its scope.',
      });
      const euWest: GovernanceTarget = { ...home, region: 'eu-west-1' };
      await stores.snapshots.replaceConformanceScores(euWest, [
        conformanceScore(euWest, 'p', 10, 10),
      ]);
      await recordCoveredRun(stores, 'config', {
        target: euWest,
        at,
        regions: [
          coverageProof(
            'eu-west-1',
            'config-aggregator',
            '1 conformance pack reported through AWS Config aggregator org',
          ),
        ],
        scope: 'AWS Config aggregator org reports 1 conformance pack.',
      });

      const west2 = await signals.signalsFor('us-west-2');
      expect(west2.security).toEqual({
        status: 'unknown',
        detail: expect.stringContaining(
          'no proof that Security Hub covers the location: Security Hub: The finding aggregator in us-east-1 links ALL_REGIONS_EXCEPT_SPECIFIED: every Region of aws in the location catalog except us-west-2. (accounts 100000000001, 100000000002)',
        ),
        blockers: [],
      });
      expect(west2.resilience).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining('0 of 1 Resilience Hub application'),
      });
      expect(west2.audit).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining('none with account 100000000001'),
      });

      const eu = await signals.signalsFor('eu-west-1');
      expect(eu.security).toMatchObject({
        status: 'pass',
        detail: expect.stringContaining(
          'covered: linked to the finding aggregator in us-east-1',
        ),
        observedAt: at,
      });
      expect(eu.audit).toMatchObject({
        status: 'pass',
        detail: expect.stringContaining('covered: 1 conformance pack'),
      });
      expect(eu.resilience!.status).toBe('unknown');

      // One account without the proof: not every account's findings reach
      // the aggregation Region, so no pass.
      await recordCoveredRun(stores, 'securityhub', {
        target: other,
        at,
        rows: 0,
        regions: [readInHome],
        scope:
          'Account 100000000002 has no finding aggregator in us-east-1: findings of other Regions are not aggregated there, only us-east-1 is covered.',
      });
      expect((await signals.signalsFor('eu-west-1')).security).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining(
          'Account 100000000002 has no finding aggregator',
        ),
      });
      // A failed run keeps the last good coverage (stale); an unavailable
      // service has none.
      await stores.syncState.recordOutcome(
        'config',
        {
          target: euWest,
          status: 'unavailable',
          reasonKind: 'not-enabled',
          pages: 0,
          rows: 0,
        },
        at,
      );
      expect(
        (await stores.syncState.coverage({ source: 'config' }))[0].proofs,
      ).toEqual([]);
    });
  },
);
