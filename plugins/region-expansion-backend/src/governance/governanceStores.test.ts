import { GovernanceTarget } from '@region-expansion/plugin-region-expansion-node';
import {
  governanceFinding,
  governanceDatabases,
  recordAccessDenied,
  staleAccessDenied,
} from '../__testUtils__/governance';

jest.setTimeout(60_000);
const { databases, governanceFor } = governanceDatabases();
const finding = governanceFinding;

/** Every grouping of the summary. */
const GROUP_BYS = [
  'severity',
  'partition',
  'status',
  'account',
  'region',
  'control',
] as const;

/** FAILED, PASSED, or none (every 11th). */
function statusOf(i: number): string | undefined {
  if (i % 11 === 0) return undefined;
  return i % 4 === 0 ? 'FAILED' : 'PASSED';
}

describe.each(databases.eachSupportedId())(
  'governance stores on %s',
  databaseId => {
    it('upserts by natural key and keeps the summary in step with the findings', async () => {
      const { stores } = await governanceFor(databaseId);
      const rows = Array.from({ length: 450 }, (_, i) => finding(i));
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', [
        finding(0, { severity: 'LOW', complianceStatus: 'PASSED' }),
        finding(1, { recordState: 'ARCHIVED' }),
      ]);
      const page = await stores.findings.listFindings(
        {},
        { limit: 10, offset: 0 },
      );
      expect(page.total).toBe(450);
      for (const groupBy of GROUP_BYS.filter(g => g !== 'control')) {
        const fromSummary = await stores.findings.summary(groupBy, {});
        const fromFindings = await stores.findings.summary(groupBy, {
          workflowStatus: 'NEW',
        });
        expect(fromSummary).toEqual(fromFindings);
      }
      const bySeverity = await stores.findings.summary('severity', {
        partition: 'aws',
      });
      expect(bySeverity.reduce((n, g) => n + g.total, 0)).toBe(225);
      expect(
        (await stores.findings.summary('control', {})).map(g => g.key),
      ).toEqual(['S3.0', 'S3.1', 'S3.2', 'S3.3', 'S3.4']);
    });

    it('keeps every rollup equal to a fresh GROUP BY over the findings after changes and re-runs', async () => {
      const { stores } = await governanceFor(databaseId);
      const rows = Array.from({ length: 1200 }, (_, i) =>
        finding(i, {
          controlId: i % 7 === 0 ? undefined : `S3.${i % 5}`,
          complianceStatus: statusOf(i),
        }),
      );
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', rows);
      // Severity, status, state, control and scope changes, duplicates in one
      // batch (the last one wins) and a second source with the same ids.
      const changed = rows.slice(0, 400).map((r, i) => ({
        ...r,
        severity: ['CRITICAL', 'MEDIUM', r.severity][i % 3],
        complianceStatus: i % 2 ? 'FAILED' : 'PASSED',
        recordState: i % 5 === 0 ? 'ARCHIVED' : 'ACTIVE',
        controlId: i % 6 === 0 ? 'EC2.1' : r.controlId,
        region: i % 9 === 0 ? 'region-9' : r.region,
      }));
      await stores.findings.upsertFindings('securityhub', [
        finding(3, { severity: 'INFORMATIONAL' }),
        ...changed,
      ]);
      await stores.findings.upsertFindings('securityhub', changed.slice(0, 50));
      await stores.findings.upsertFindings(
        'securityhub-ocsf',
        rows.slice(0, 30),
      );
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
      expect(stored.length).toBeGreaterThan(0);

      const filters = [
        {},
        { partition: 'aws' },
        { region: 'region-9' },
        { accountId: '100000000001' },
        { accountId: '100000000001', region: 'region-1' },
        { severity: 'CRITICAL' },
        { complianceStatus: 'FAILED', partition: 'aws' },
        { recordState: 'ACTIVE', source: 'securityhub' },
        { controlId: 'EC2.1' },
        {
          partition: 'aws',
          region: 'region-0',
          severity: 'CRITICAL',
          recordState: 'ACTIVE',
          complianceStatus: 'FAILED',
        },
      ];
      for (const filter of filters) {
        for (const groupBy of GROUP_BYS) {
          // workflowStatus is kept by no rollup: the findings table answers.
          const fromFindings = await stores.findings.summary(groupBy, {
            ...filter,
            workflowStatus: 'NEW',
          });
          expect({
            groupBy,
            filter,
            groups: await stores.findings.summary(groupBy, filter),
          }).toEqual({
            groupBy,
            filter,
            groups: fromFindings,
          });
        }
      }
    });

    it('keeps stale targets with their reason and last good data; replaces snapshot sources', async () => {
      const { stores } = await governanceFor(databaseId);
      const target: GovernanceTarget = {
        partition: 'aws-eusc',
        accountId: '900000000001',
        region: 'region-1',
      };
      await stores.syncState.markRunning(
        'securityhub',
        [target],
        '2026-11-26T10:00:00.000Z',
      );
      await stores.syncState.setCursor('securityhub', target, '{"since":"x"}');
      await stores.syncState.recordOutcome(
        'securityhub',
        { target, status: 'ok', pages: 2, rows: 150 },
        '2026-11-26T10:01:00.000Z',
      );
      await recordAccessDenied(
        stores,
        'securityhub',
        target,
        '2026-11-26T11:01:00.000Z',
      );
      const [state] = await stores.syncState.freshness();
      expect(state).toMatchObject({
        ...staleAccessDenied('securityhub', target),
        lastSuccessAt: '2026-11-26T10:01:00.000Z',
        rows: 150,
      });
      expect(await stores.syncState.getCursor('securityhub', target)).toBe(
        '{"since":"x"}',
      );
      const app = {
        appArn: 'app-1',
        appName: 'a',
        ...target,
        complianceStatus: 'PolicyMet',
        disruptions: [
          { disruptionType: 'AZ', currentRtoInSecs: 5, targetRtoInSecs: 10 },
        ],
      };
      await stores.snapshots.replaceResilienceApps(target, [
        app,
        { ...app, appArn: 'app-2' },
      ]);
      await stores.snapshots.replaceResilienceApps(target, [app]);
      expect(
        await stores.snapshots.listResilienceApps({ partition: 'aws-eusc' }),
      ).toEqual([app]);
      await stores.findings.upsertFindings('securityhub', [
        finding(1, { partition: 'aws-eusc' }),
      ]);
      await stores.history.recordHistory('securityhub', '2026-11-26');
      await stores.history.recordHistory('securityhub', '2026-11-26');
      expect(await stores.history.history({ partition: 'aws-eusc' })).toEqual([
        {
          day: '2026-11-26',
          source: 'securityhub',
          partition: 'aws-eusc',
          total: 1,
          failed: 0,
          criticalOrHighFailed: 0,
          staleTargets: 1,
        },
      ]);
    });
  },
);
