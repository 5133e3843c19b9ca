import {
  governanceExportPermission,
  governanceReadPermission,
  governanceSyncPermission,
} from '../permissions';
import {
  governanceFilterQuerySchema,
  governanceFindingsQuerySchema,
  governanceFreshnessQuerySchema,
  governanceHistoryQuerySchema,
  governanceSnapshotQuerySchema,
  governanceSummaryQuerySchema,
  governanceSyncBodySchema,
} from '../schemas/governance';
import {
  auditControlPageSchema,
  conformanceScorePageSchema,
  governanceFindingPageSchema,
  governanceFreshnessSchema,
  governanceHistoryPageSchema,
  governanceSummarySchema,
  governanceSyncResultSchema,
  resilienceAppPageSchema,
} from '../schemas/governanceData';
import { itemsOf } from './estate';
import { defineRoute } from './route';

const snapshotPaging =
  'A page at a time: `limit` defaults to 100, at most 500 (a 400 naming `limit` past it); follow `nextCursor` for the next page.';

/**
 * Routes of the governance dashboard: findings, their summary and history,
 * sync state, the Resilience Hub, Audit Manager and AWS Config snapshots,
 * the evidence bundle and manual syncs.
 *
 * @public
 */
export const governanceRoutes = {
  getGovernanceSummary: defineRoute({
    method: 'GET',
    path: '/governance/summary',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'Finding counts grouped by one dimension',
    query: governanceSummaryQuerySchema,
    response: governanceSummarySchema,
    status: 200,
    responseDescription: 'Groups with their total and failed counts',
  }),
  listGovernanceFindings: defineRoute({
    method: 'GET',
    path: '/governance/findings',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'A page of findings, ordered by source and finding id',
    description:
      '`limit` defaults to 100, at most 1000. Follow `nextCursor` (keyset: no row is repeated or skipped while a sync writes, at any depth) or pass `offset` (at most 10000; not with `cursor`). Past a bound, a 400 naming the field.',
    query: governanceFindingsQuerySchema,
    response: governanceFindingPageSchema,
    status: 200,
    responseDescription: 'One page of findings',
    example: { query: { limit: '5' } },
  }),
  getGovernanceFreshness: defineRoute({
    method: 'GET',
    path: '/governance/freshness',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'Sync state of every source and target',
    query: governanceFreshnessQuerySchema,
    response: itemsOf(governanceFreshnessSchema),
    status: 200,
    responseDescription: 'Sync state per source, partition, account and Region',
  }),
  getGovernanceHistory: defineRoute({
    method: 'GET',
    path: '/governance/history',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'Daily finding totals per source and partition, a page at a time',
    description:
      'Ordered by day, source and partition from `since`. `limit` defaults to 500, at most 2000 (a 400 naming `limit` past it); follow `nextCursor` for the next page.',
    query: governanceHistoryQuerySchema,
    response: governanceHistoryPageSchema,
    status: 200,
    responseDescription:
      'One page of history points ordered by day, source and partition',
  }),
  listResilienceApps: defineRoute({
    method: 'GET',
    path: '/governance/resilience',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'Resilience Hub applications with their latest assessment',
    description: snapshotPaging,
    query: governanceSnapshotQuerySchema('governance-resilience'),
    response: resilienceAppPageSchema,
    status: 200,
    responseDescription: 'One page of applications',
  }),
  listAuditControls: defineRoute({
    method: 'GET',
    path: '/governance/audit',
    permission: governanceReadPermission,
    tag: 'governance',
    summary:
      'Controls of active Audit Manager assessments with evidence counts',
    description: snapshotPaging,
    query: governanceSnapshotQuerySchema('governance-audit'),
    response: auditControlPageSchema,
    status: 200,
    responseDescription: 'One page of audit controls',
  }),
  listConformanceScores: defineRoute({
    method: 'GET',
    path: '/governance/conformance',
    permission: governanceReadPermission,
    tag: 'governance',
    summary: 'Compliance of AWS Config conformance packs',
    description: snapshotPaging,
    query: governanceSnapshotQuerySchema('governance-conformance'),
    response: conformanceScorePageSchema,
    status: 200,
    responseDescription: 'One page of conformance pack scores',
  }),
  downloadEvidenceBundle: defineRoute({
    method: 'GET',
    path: '/governance/evidence-bundle',
    permission: governanceExportPermission,
    tag: 'governance',
    summary: 'A ZIP of governance evidence for the filter',
    description:
      'Streams a ZIP (`governance-evidence-<date>.zip`) with `securityhub/findings.csv`, `securityhub/findings.json`, `resiliencehub/apps.json`, `auditmanager/controls.json`, `config/conformance-packs.json` (each with a CSV where applicable), `readiness/decisions.json` and `.csv` (the latest readiness evaluation of each location in scope, with its signals), `readiness/waivers.json` and `.csv` (the waivers in scope, every status), `summary.json`, `summary.pdf` and `manifest.json` (SHA-256 digests, filter, row counts, generation time). Every file is read from one database snapshot (a read-only REPEATABLE READ transaction on PostgreSQL, one transaction on SQLite), so a sync running during the export changes none of them and their counts agree. Readiness is scoped by `partition` and by `region` (the location id). Needs region-expansion.governance.export, separate from reading because an export leaves the portal.',
    query: governanceFilterQuerySchema,
    response: {
      contentType: 'application/zip',
      disposition:
        '`attachment; filename="governance-evidence-YYYY-MM-DD.zip"`',
      defaultFileName: 'governance-evidence.zip',
    },
    status: 200,
    responseDescription: 'The evidence bundle',
  }),
  triggerGovernanceSync: defineRoute({
    method: 'POST',
    path: '/governance/sync',
    permission: governanceSyncPermission,
    tag: 'governance',
    summary: 'Start a governance sync now instead of waiting for the schedule',
    description:
      'Triggers the scheduled sync task of one provider, or of every provider without a body. Needs region-expansion.governance.sync, separate from reading because it spends the AWS API budget of every account. An unknown provider is a 400.',
    body: governanceSyncBodySchema,
    bodyOptional: true,
    response: governanceSyncResultSchema,
    status: 202,
    responseDescription: 'The providers whose sync was triggered',
    example: { body: {} },
  }),
};
