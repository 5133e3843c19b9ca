import type {
  AuditControlRow,
  ConformanceScoreRow,
  GovernanceTarget,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import { KnexStore } from '../database/KnexStore';
import { KeysetColumn, readKeysetPage } from '../database/keyset';
import {
  GovernanceFilter,
  REPLACE_CHUNK,
  scopeOnly,
  whereFilter,
} from './governanceFilter';
import {
  GovernanceKeysetPage,
  GovernanceSnapshotStore,
} from './GovernanceSnapshotStore';

/**
 * One snapshot kind: its table, its keyset order (ending with the primary
 * key), and how its rows map to and from records.
 */
interface SnapshotKind<T> {
  table: string;
  key: KeysetColumn[];
  keyOf(record: any): string[];
  toRecord(row: T): Record<string, unknown>;
  fromRecord(record: any): T;
}

const RESILIENCE: SnapshotKind<ResilienceAppRow> = {
  table: 'governance_resilience_apps',
  key: [{ column: 'app_arn', order: 'asc' }],
  keyOf: r => [r.app_arn],
  toRecord: r => ({
    app_arn: r.appArn,
    partition: r.partition,
    account_id: r.accountId,
    region: r.region,
    app_name: r.appName,
    assessment_arn: r.assessmentArn ?? null,
    compliance_status: r.complianceStatus,
    drift_status: r.driftStatus ?? null,
    resiliency_score: r.resiliencyScore ?? null,
    assessed_at: r.assessedAt ?? null,
    disruptions: JSON.stringify(r.disruptions),
  }),
  fromRecord: r => ({
    appArn: r.app_arn,
    appName: r.app_name,
    partition: r.partition,
    accountId: r.account_id,
    region: r.region,
    assessmentArn: r.assessment_arn ?? undefined,
    complianceStatus: r.compliance_status,
    driftStatus: r.drift_status ?? undefined,
    resiliencyScore: r.resiliency_score ?? undefined,
    assessedAt: r.assessed_at ?? undefined,
    disruptions: JSON.parse(r.disruptions),
  }),
};

const AUDIT: SnapshotKind<AuditControlRow> = {
  table: 'governance_audit_controls',
  key: [
    { column: 'assessment_id', order: 'asc' },
    { column: 'control_set_id', order: 'asc' },
    { column: 'control_id', order: 'asc' },
  ],
  keyOf: r => [r.assessment_id, r.control_set_id, r.control_id],
  toRecord: r => ({
    assessment_id: r.assessmentId,
    control_set_id: r.controlSetId,
    control_id: r.controlId,
    partition: r.partition,
    account_id: r.accountId,
    region: r.region,
    assessment_name: r.assessmentName,
    framework: r.framework,
    control_name: r.controlName,
    control_status: r.controlStatus,
    evidence_count: r.evidenceCount,
    folders: JSON.stringify(r.folders),
  }),
  fromRecord: r => ({
    partition: r.partition,
    accountId: r.account_id,
    region: r.region,
    assessmentId: r.assessment_id,
    assessmentName: r.assessment_name,
    framework: r.framework,
    controlSetId: r.control_set_id,
    controlId: r.control_id,
    controlName: r.control_name,
    controlStatus: r.control_status,
    evidenceCount: Number(r.evidence_count),
    folders: JSON.parse(r.folders),
  }),
};

const CONFORMANCE: SnapshotKind<ConformanceScoreRow> = {
  table: 'governance_conformance_scores',
  key: [
    { column: 'partition', order: 'asc' },
    { column: 'account_id', order: 'asc' },
    { column: 'region', order: 'asc' },
    { column: 'pack_name', order: 'asc' },
  ],
  keyOf: r => [r.partition, r.account_id, r.region, r.pack_name],
  toRecord: r => ({
    partition: r.partition,
    account_id: r.accountId,
    region: r.region,
    pack_name: r.packName,
    compliance_type: r.complianceType,
    compliant_rules: r.compliantRules,
    non_compliant_rules: r.nonCompliantRules,
    total_rules: r.totalRules,
    score: r.score,
  }),
  fromRecord: r => ({
    partition: r.partition,
    accountId: r.account_id,
    region: r.region,
    packName: r.pack_name,
    complianceType: r.compliance_type,
    compliantRules: Number(r.compliant_rules),
    nonCompliantRules: Number(r.non_compliant_rules),
    totalRules: Number(r.total_rules),
    score: Number(r.score),
  }),
};

/**
 * The {@link GovernanceSnapshotStore} over the plugin's database (tables
 * `governance_resilience_apps`, `governance_audit_controls` and
 * `governance_conformance_scores`).
 *
 * @public
 */
export class KnexGovernanceSnapshotStore
  extends KnexStore
  implements GovernanceSnapshotStore
{
  async replaceResilienceApps(
    target: GovernanceTarget,
    rows: ResilienceAppRow[],
  ): Promise<void> {
    await this.#replace(RESILIENCE, target, rows);
  }

  async replaceAuditControls(
    target: GovernanceTarget,
    rows: AuditControlRow[],
  ): Promise<void> {
    await this.#replace(AUDIT, target, rows);
  }

  async replaceConformanceScores(
    target: GovernanceTarget,
    rows: ConformanceScoreRow[],
  ): Promise<void> {
    await this.#replace(CONFORMANCE, target, rows);
  }

  async listResilienceApps(
    filter: GovernanceFilter = {},
  ): Promise<ResilienceAppRow[]> {
    return this.#list(RESILIENCE, filter);
  }

  async pageResilienceApps(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<ResilienceAppRow>> {
    return this.#page(RESILIENCE, filter, page);
  }

  async listAuditControls(
    filter: GovernanceFilter = {},
  ): Promise<AuditControlRow[]> {
    return this.#list(AUDIT, filter);
  }

  async pageAuditControls(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<AuditControlRow>> {
    return this.#page(AUDIT, filter, page);
  }

  async listConformanceScores(
    filter: GovernanceFilter = {},
  ): Promise<ConformanceScoreRow[]> {
    return this.#list(CONFORMANCE, filter);
  }

  async pageConformanceScores(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<ConformanceScoreRow>> {
    return this.#page(CONFORMANCE, filter, page);
  }

  /** Deletes the target's rows and inserts the new ones in one transaction. */
  async #replace<T>(
    kind: SnapshotKind<T>,
    target: GovernanceTarget,
    rows: T[],
  ): Promise<void> {
    const records = rows.map(kind.toRecord);
    await this.db.transaction(async tx => {
      await tx(kind.table)
        .where({
          partition: target.partition,
          account_id: target.accountId,
          region: target.region,
        })
        .delete();
      for (let i = 0; i < records.length; i += REPLACE_CHUNK) {
        await tx(kind.table).insert(records.slice(i, i + REPLACE_CHUNK));
      }
    });
  }

  async #list<T>(
    kind: SnapshotKind<T>,
    filter: GovernanceFilter,
  ): Promise<T[]> {
    const rows = await whereFilter(this.db(kind.table), scopeOnly(filter))
      .orderBy(kind.key.map(c => c.column))
      .select();
    return rows.map(kind.fromRecord);
  }

  async #page<T>(
    kind: SnapshotKind<T>,
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<T>> {
    const { rows, nextKey } = await readKeysetPage<any>(
      whereFilter(this.db(kind.table), scopeOnly(filter)),
      kind.key,
      page,
      kind.keyOf,
    );
    return {
      items: rows.map(kind.fromRecord),
      ...(nextKey ? { nextKey } : {}),
    };
  }
}
