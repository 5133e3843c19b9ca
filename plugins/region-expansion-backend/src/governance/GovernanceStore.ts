import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  AuditControlRow,
  ConformanceScoreRow,
  GovernanceFindingRow,
  GovernanceSource,
  GovernanceTarget,
  GovernanceTargetOutcome,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import { governanceReasonSentence } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { retryTransaction } from '../database/retryTransaction';
import { KeysetColumn, readKeysetPage } from '../database/keyset';

const migrationsDir = resolvePackagePath(
  '@region-expansion/plugin-region-expansion-backend',
  'migrations',
);

/**
 * Rows per multi-row insert: on PostgreSQL 17 columns × 1,000 rows = 17,000
 * binds (limit 65,535); knex writes SQLite's as a compound SELECT, limited
 * to 500 terms.
 */
const CHUNK = { pg: 1000, sqlite: 400 };
/** Snapshot rows per insert. */
const REPLACE_CHUNK = 200;

/**
 * Filters shared by the governance reads.
 *
 * @public
 */
export interface GovernanceFilter {
  partition?: string;
  region?: string;
  accountId?: string;
  severity?: string;
  complianceStatus?: string;
  controlId?: string;
  workflowStatus?: string;
  recordState?: string;
  source?: string;
}

/**
 * Dimensions of {@link GovernanceStore.summary}.
 *
 * @public
 */
export type GovernanceGroupBy =
  | 'partition'
  | 'region'
  | 'account'
  | 'severity'
  | 'control'
  | 'status';

/**
 * One group of the summary.
 *
 * @public
 */
export interface GovernanceSummaryGroup {
  key: string;
  total: number;
  failed: number;
}

/**
 * One day of a source's finding totals in a partition.
 *
 * @public
 */
export interface GovernanceHistoryRow {
  day: string;
  source: string;
  partition: string;
  total: number;
  failed: number;
  criticalOrHighFailed: number;
  staleTargets: number;
}

/**
 * The Regions one source proved it watches from one target, as its last
 * successful run reported them.
 *
 * @public
 */
export interface GovernanceTargetCoverage {
  source: string;
  partition: string;
  accountId: string;
  /** Region of the target. */
  region: string;
  /** What the source watches from this target, one sentence; absent when the provider reported no coverage. */
  scope?: string;
  /** Regions proved, with how. */
  proofs: Array<{ region: string; method: string; detail: string }>;
}

/**
 * Sync state of one source and target.
 *
 * @public
 */
export interface GovernanceFreshness {
  source: string;
  partition: string;
  accountId: string;
  region: string;
  status: 'never' | 'running' | 'ok' | 'unavailable' | 'stale';
  lastAttemptAt?: string;
  /** Class of `staleReason`, which is its fixed sentence (never the AWS text). */
  reasonKind?: string;
  lastSuccessAt?: string;
  staleReason?: string;
  pages: number;
  rows: number;
}

const GROUP_COLUMN: Record<GovernanceGroupBy, string> = {
  partition: 'partition',
  region: 'region',
  account: 'account_id',
  severity: 'severity',
  control: 'control_id',
  status: 'compliance_status',
};

const FILTER_COLUMN: Record<keyof GovernanceFilter, string> = {
  partition: 'partition',
  region: 'region',
  accountId: 'account_id',
  severity: 'severity',
  complianceStatus: 'compliance_status',
  controlId: 'control_id',
  workflowStatus: 'workflow_status',
  recordState: 'record_state',
  source: 'source',
};

/** Columns every rollup level keeps. */
const ALWAYS = ['source', 'partition', 'compliance_status', 'record_state'];

/**
 * Rollup levels, smallest first: each keeps {@link ALWAYS} plus its own
 * dimensions; the others are stored as ''. A summary reads the first level
 * that has its group column and every filtered column. `lockRank` orders a
 * write's rows by how many targets share them (see {@link lockOrder}): 0 for
 * a target's own rows (levels with an account), then a control in a Region,
 * a Region, and the partition, which every write touches.
 */
const ROLLUP_LEVELS: Array<{
  level: string;
  columns: string[];
  lockRank: number;
}> = [
  { level: 'partition', columns: ['severity'], lockRank: 3 },
  { level: 'region', columns: ['region', 'severity'], lockRank: 2 },
  { level: 'account', columns: ['account_id', 'severity'], lockRank: 0 },
  {
    level: 'control',
    columns: ['region', 'control_id', 'severity'],
    lockRank: 1,
  },
  {
    level: 'scope',
    columns: ['account_id', 'region', 'severity'],
    lockRank: 0,
  },
  {
    level: 'fine',
    columns: ['account_id', 'region', 'control_id', 'severity'],
    lockRank: 0,
  },
].map(l => ({ ...l, columns: [...ALWAYS, ...l.columns] }));

const ROLLUP_KEY = [
  'level',
  'account_id',
  'region',
  'control_id',
  'severity',
  'compliance_status',
  'record_state',
  'source',
  'partition',
] as const;

type RollupRow = Record<(typeof ROLLUP_KEY)[number], string> & {
  count: number;
};

/** The dimensions of a finding that the rollups count by. */
type RollupDims = {
  partition: string;
  account_id: string;
  region: string;
  severity: string;
  control_id: string | null;
  compliance_status: string | null;
  record_state: string;
};

/** Adds `delta` to every level's row of a finding. */
function addRollupDelta(
  deltas: Map<string, RollupRow>,
  source: string,
  dims: RollupDims,
  delta: number,
) {
  const values: Record<string, string> = {
    source,
    partition: dims.partition,
    account_id: dims.account_id,
    region: dims.region,
    severity: dims.severity,
    control_id: dims.control_id ?? '',
    compliance_status: dims.compliance_status ?? '',
    record_state: dims.record_state,
  };
  for (const { level, columns } of ROLLUP_LEVELS) {
    const row = { level } as RollupRow;
    for (const column of ROLLUP_KEY) {
      if (column !== 'level')
        row[column] = columns.includes(column) ? values[column] : '';
    }
    const id = ROLLUP_KEY.map(c => row[c]).join('\u0000');
    const entry = deltas.get(id);
    if (entry) entry.count += delta;
    else deltas.set(id, { ...row, count: delta });
  }
}

/** Keyset orders of the paged reads: each ends with the table's primary key. */
const FINDING_KEY: KeysetColumn[] = [
  { column: 'source', order: 'asc' },
  { column: 'finding_id', order: 'asc' },
];
const HISTORY_KEY: KeysetColumn[] = [
  { column: 'day', order: 'asc' },
  { column: 'source', order: 'asc' },
  { column: 'partition', order: 'asc' },
];
const RESILIENCE_KEY: KeysetColumn[] = [{ column: 'app_arn', order: 'asc' }];
const AUDIT_KEY: KeysetColumn[] = [
  { column: 'assessment_id', order: 'asc' },
  { column: 'control_set_id', order: 'asc' },
  { column: 'control_id', order: 'asc' },
];
const CONFORMANCE_KEY: KeysetColumn[] = [
  { column: 'partition', order: 'asc' },
  { column: 'account_id', order: 'asc' },
  { column: 'region', order: 'asc' },
  { column: 'pack_name', order: 'asc' },
];

const LOCK_RANK = new Map(ROLLUP_LEVELS.map(l => [l.level, l.lockRank]));

/**
 * Write order of rollup rows: by level from a target's own rows to the
 * partition's, which every concurrent write needs, then by key. Writers
 * lock shared rows in one order (no deadlocks), and the most shared ones
 * last, so they are held only for the end of the statement and the COMMIT.
 */
function lockOrder(x: RollupRow, y: RollupRow): number {
  return (
    LOCK_RANK.get(x.level)! - LOCK_RANK.get(y.level)! || compareRollupRows(x, y)
  );
}

/** Orders rollup rows by key. */
function compareRollupRows(x: RollupRow, y: RollupRow): number {
  for (const column of ROLLUP_KEY) {
    if (x[column] !== y[column]) return x[column] < y[column] ? -1 : 1;
  }
  return 0;
}

/** A PostgreSQL text[] literal (one bind instead of one per id). */
function pgTextArray(values: string[]): string {
  return `{${values
    .map(v => `"${v.replace(/[\\"]/g, c => `\\${c}`)}"`)
    .join(',')}}`;
}

/** Groups in key order, missing values (`NONE`) in place, on every database. */
function byKey(x: { key: string }, y: { key: string }): number {
  if (x.key === y.key) return 0;
  return x.key < y.key ? -1 : 1;
}

/**
 * Where a page of findings leaves the sync of its target: the cursor and the
 * progress counters, written in the same transaction as the rows.
 *
 * @public
 */
export interface GovernanceFindingsCommit {
  target: GovernanceTarget;
  /** The target's cursor after these rows (absent: left as is). */
  cursor?: string;
  /** Progress counters of the running target after these rows. */
  progress?: { pages: number; rows: number };
}

function targetKey(source: string, t: GovernanceTarget) {
  return {
    source,
    partition: t.partition,
    account_id: t.accountId,
    region: t.region,
  };
}

/**
 * Governance tables of the region-expansion backend: findings upserted by
 * natural key with rollups kept in step, per-target sync state, and the
 * snapshot sources (Resilience Hub, Audit Manager, AWS Config).
 *
 * @public
 */
export class GovernanceStore {
  readonly #db: Knex;

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Opens the plugin database and runs the backend's migrations (which include the governance tables). */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<GovernanceStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new GovernanceStore(client);
  }

  /** A store over an already migrated knex client. */
  static fromKnex(db: Knex): GovernanceStore {
    return new GovernanceStore(db);
  }

  /**
   * Upserts findings by (source, finding id) and moves their rollup counts
   * from the old groups to the new ones in the same transaction: per chunk
   * one select of the existing rows, one multi-row upsert of the findings,
   * one multi-row upsert of the rollup deltas (computed in memory) and, with
   * `commit`, the target's cursor and progress (in the last chunk's
   * transaction, so a run killed midway resumes exactly after the stored
   * rows). Re-running the same rows changes nothing.
   */
  async upsertFindings(
    source: GovernanceSource,
    rows: GovernanceFindingRow[],
    commit?: GovernanceFindingsCommit,
  ): Promise<void> {
    const unique = [...new Map(rows.map(r => [r.findingId, r])).values()];
    if (unique.length === 0) {
      if (commit)
        await this.#write(tx => this.#commitState(tx, source, commit));
      return;
    }
    const size = this.#chunk;
    for (let i = 0; i < unique.length; i += size) {
      const chunk = unique.slice(i, i + size);
      const last = i + size >= unique.length;
      await this.#write(async tx => {
        // The target's own state row first: the shared rollup rows, locked
        // by the chunk's last statement, are then held only until COMMIT.
        if (last && commit) await this.#commitState(tx, source, commit);
        await this.#upsertChunk(tx, source, chunk);
      });
    }
  }

  async #write(fn: (tx: Knex.Transaction) => Promise<void>): Promise<void> {
    await retryTransaction(this.#db, fn);
  }

  async #upsertChunk(
    tx: Knex.Transaction,
    source: GovernanceSource,
    chunk: GovernanceFindingRow[],
  ) {
    const ids = chunk.map(r => r.findingId);
    let existing: RollupDims[];
    if (this.#isPg) {
      // One array parameter instead of one bind per id: far less work in
      // knex and in PostgreSQL's parser than a 100-value IN list. One
      // primary-key lookup per id (LATERAL): with `finding_id = ANY (...)`
      // and no statistics yet (a table filling up before autovacuum has
      // analyzed it), PostgreSQL scanned every row of the source per page.
      const result = await tx.raw(
        `SELECT f.partition, f.account_id, f.region, f.severity, f.control_id, f.compliance_status, f.record_state
           FROM unnest(?::text[]) AS ids (finding_id)
          CROSS JOIN LATERAL (
                SELECT partition, account_id, region, severity, control_id, compliance_status, record_state
                  FROM governance_findings
                 WHERE source = ? AND finding_id = ids.finding_id
                   FOR UPDATE
               ) f`,
        [pgTextArray(ids), source],
      );
      existing = result.rows;
    } else {
      existing = await tx('governance_findings')
        .where('source', source)
        .whereIn('finding_id', ids)
        .select(
          'partition',
          'account_id',
          'region',
          'severity',
          'control_id',
          'compliance_status',
          'record_state',
        );
    }
    const deltas = new Map<string, RollupRow>();
    for (const old of existing) addRollupDelta(deltas, source, old, -1);
    const records = chunk.map(r => ({
      source,
      finding_id: r.findingId,
      partition: r.partition,
      account_id: r.accountId,
      region: r.region,
      severity: r.severity,
      compliance_status: r.complianceStatus ?? null,
      control_id: r.controlId ?? null,
      workflow_status: r.workflowStatus ?? null,
      record_state: r.recordState,
      resource_type: r.resourceType ?? null,
      resource_id: r.resourceId ?? null,
      product_name: r.productName ?? null,
      generator_id: r.generatorId ?? null,
      title: r.title ?? null,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    }));
    for (const record of records) addRollupDelta(deltas, source, record, 1);
    const changes = [...deltas.values()]
      .filter(d => d.count !== 0)
      .sort(lockOrder);
    if (this.#isPg) {
      // Rows as one JSON parameter (json_populate_recordset keeps their order,
      // so rollup rows are locked in lockOrder).
      const columns = Object.keys(records[0]);
      await tx.raw(
        `INSERT INTO governance_findings
         SELECT * FROM json_populate_recordset(NULL::governance_findings, ?::json)
         ON CONFLICT (source, finding_id) DO UPDATE SET ${columns
           .filter(c => c !== 'source' && c !== 'finding_id')
           .map(c => `${c} = EXCLUDED.${c}`)
           .join(', ')}`,
        [JSON.stringify(records)],
      );
      if (changes.length)
        await tx.raw(
          `INSERT INTO governance_rollups
           SELECT * FROM json_populate_recordset(NULL::governance_rollups, ?::json)
           ON CONFLICT (${ROLLUP_KEY.join(', ')})
           DO UPDATE SET count = governance_rollups.count + EXCLUDED.count`,
          [JSON.stringify(changes)],
        );
      return;
    }
    await tx('governance_findings')
      .insert(records)
      .onConflict(['source', 'finding_id'])
      .merge();
    for (let i = 0; i < changes.length; i += this.#chunk) {
      await tx('governance_rollups')
        .insert(changes.slice(i, i + this.#chunk))
        .onConflict([...ROLLUP_KEY])
        .merge({
          count: tx.raw('?? + ??', [
            'governance_rollups.count',
            'excluded.count',
          ]),
        });
    }
  }

  async #commitState(
    tx: Knex.Transaction,
    source: GovernanceSource,
    commit: GovernanceFindingsCommit,
  ) {
    const update: Record<string, unknown> = {};
    if (commit.cursor !== undefined) update.cursor = commit.cursor;
    if (commit.progress) {
      update.pages = commit.progress.pages;
      update.rows = commit.progress.rows;
    }
    if (Object.keys(update).length === 0) return;
    await tx('governance_sync_state')
      .insert({
        ...targetKey(source, commit.target),
        status: 'running',
        ...update,
      })
      .onConflict(['source', 'partition', 'account_id', 'region'])
      .merge(update);
  }

  get #isPg(): boolean {
    return /^(pg|postgres)/.test(String(this.#db.client.config.client));
  }

  get #chunk(): number {
    return this.#isPg ? CHUNK.pg : CHUNK.sqlite;
  }

  /** Replaces the Resilience Hub apps of a target. */
  async replaceResilienceApps(
    target: GovernanceTarget,
    rows: ResilienceAppRow[],
  ): Promise<void> {
    await this.#replace(
      'governance_resilience_apps',
      target,
      rows.map(r => ({
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
      })),
    );
  }

  /** Replaces the Audit Manager controls of a target. */
  async replaceAuditControls(
    target: GovernanceTarget,
    rows: AuditControlRow[],
  ): Promise<void> {
    await this.#replace(
      'governance_audit_controls',
      target,
      rows.map(r => ({
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
      })),
    );
  }

  /** Replaces the conformance pack scores of a target. */
  async replaceConformanceScores(
    target: GovernanceTarget,
    rows: ConformanceScoreRow[],
  ): Promise<void> {
    await this.#replace(
      'governance_conformance_scores',
      target,
      rows.map(r => ({
        partition: r.partition,
        account_id: r.accountId,
        region: r.region,
        pack_name: r.packName,
        compliance_type: r.complianceType,
        compliant_rules: r.compliantRules,
        non_compliant_rules: r.nonCompliantRules,
        total_rules: r.totalRules,
        score: r.score,
      })),
    );
  }

  async #replace(
    table: string,
    target: GovernanceTarget,
    records: Record<string, unknown>[],
  ) {
    await this.#db.transaction(async tx => {
      await tx(table)
        .where({
          partition: target.partition,
          account_id: target.accountId,
          region: target.region,
        })
        .delete();
      for (let i = 0; i < records.length; i += REPLACE_CHUNK) {
        await tx(table).insert(records.slice(i, i + REPLACE_CHUNK));
      }
    });
  }

  async getCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<string | undefined> {
    const row = await this.#db('governance_sync_state')
      .where(targetKey(source, target))
      .first('cursor');
    return row?.cursor ?? undefined;
  }

  async setCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
    cursor: string,
  ): Promise<void> {
    await this.#db('governance_sync_state')
      .insert({ ...targetKey(source, target), cursor, status: 'running' })
      .onConflict(['source', 'partition', 'account_id', 'region'])
      .merge({ cursor });
  }

  /** Marks targets as running (keeps their data, cursor and last success). */
  async markRunning(
    source: GovernanceSource,
    targets: GovernanceTarget[],
    at: string,
  ): Promise<void> {
    for (let i = 0; i < targets.length; i += REPLACE_CHUNK) {
      await this.#db('governance_sync_state')
        .insert(
          targets.slice(i, i + REPLACE_CHUNK).map(target => ({
            ...targetKey(source, target),
            status: 'running',
            last_attempt_at: at,
            pages: 0,
            rows: 0,
          })),
        )
        .onConflict(['source', 'partition', 'account_id', 'region'])
        .merge({ status: 'running', last_attempt_at: at, pages: 0, rows: 0 });
    }
  }

  /** Records progress counters of a running target. */
  async recordProgress(
    source: GovernanceSource,
    target: GovernanceTarget,
    progress: { pages: number; rows: number },
  ): Promise<void> {
    await this.#db('governance_sync_state')
      .where(targetKey(source, target))
      .update({ pages: progress.pages, rows: progress.rows });
  }

  /**
   * Records how a target's run ended; a failure keeps the data and marks it
   * stale. The stored reason is the fixed sentence of the outcome's
   * `reasonKind` (`unknown-error` for a failure without one, `not-enabled`
   * for an unavailable service), never `outcome.reason`: that may hold the
   * AWS error text, which the sync service logs instead. An `ok` outcome
   * replaces the target's coverage with the one it reports (none when it
   * reports none); an `unavailable` one removes it; a `failed` one keeps
   * the last good run's.
   */
  async recordOutcome(
    source: GovernanceSource,
    outcome: GovernanceTargetOutcome,
    at: string,
  ): Promise<void> {
    const base = targetKey(source, outcome.target);
    const reason = (kind: string) => ({
      reason_kind: kind,
      stale_reason: governanceReasonSentence(kind, source, outcome.target),
    });
    const update =
      outcome.status === 'failed'
        ? {
            status: 'stale',
            ...reason(outcome.reasonKind ?? 'unknown-error'),
          }
        : {
            status: outcome.status,
            ...(outcome.status === 'unavailable'
              ? reason(outcome.reasonKind ?? 'not-enabled')
              : { reason_kind: null, stale_reason: null }),
            last_success_at: at,
            pages: outcome.pages,
            rows: outcome.rows,
          };
    const coverage = coverageUpdate(outcome);
    const state = coverage
      ? { ...update, coverage_scope: coverage.coverage_scope }
      : update;
    await this.#write(async tx => {
      await tx('governance_sync_state')
        .insert({ ...base, last_attempt_at: at, ...state })
        .onConflict(['source', 'partition', 'account_id', 'region'])
        .merge(state);
      if (!coverage) return;
      await tx('governance_coverage').where(base).delete();
      const proofs = [
        ...new Map(coverage.proofs.map(p => [p.region, p])).values(),
      ];
      for (let i = 0; i < proofs.length; i += REPLACE_CHUNK) {
        await tx('governance_coverage').insert(
          proofs.slice(i, i + REPLACE_CHUNK).map(p => ({
            ...base,
            covered_region: p.region,
            method: p.method,
            detail: p.detail,
          })),
        );
      }
    });
  }

  /**
   * Coverage of every target of the filter that has a sync state: its
   * scope sentence and the Regions it proved, in target order.
   */
  async coverage(
    filter: Pick<GovernanceFilter, 'partition' | 'source'> = {},
  ): Promise<GovernanceTargetCoverage[]> {
    const [states, proofs] = await Promise.all([
      this.#where(this.#db('governance_sync_state'), filter)
        .orderBy(['source', 'partition', 'account_id', 'region'])
        .select(
          'source',
          'partition',
          'account_id',
          'region',
          'coverage_scope',
        ),
      this.#where(this.#db('governance_coverage'), filter)
        .orderBy([
          'source',
          'partition',
          'account_id',
          'region',
          'covered_region',
        ])
        .select(),
    ]);
    const key = (r: any) =>
      [r.source, r.partition, r.account_id, r.region].join('\u0000');
    const byTarget = new Map<string, GovernanceTargetCoverage>();
    for (const r of states) {
      byTarget.set(key(r), {
        source: r.source,
        partition: r.partition,
        accountId: r.account_id,
        region: r.region,
        scope: r.coverage_scope ?? undefined,
        proofs: [],
      });
    }
    for (const r of proofs) {
      byTarget.get(key(r))?.proofs.push({
        region: r.covered_region,
        method: r.method,
        detail: r.detail,
      });
    }
    return [...byTarget.values()];
  }

  /** Sync state of every source and target. */
  async freshness(
    filter: Pick<GovernanceFilter, 'partition' | 'source'> = {},
  ): Promise<GovernanceFreshness[]> {
    const rows = await this.#where(this.#db('governance_sync_state'), filter)
      .orderBy(['source', 'partition', 'account_id', 'region'])
      .select();
    return rows.map(r => ({
      source: r.source,
      partition: r.partition,
      accountId: r.account_id,
      region: r.region,
      status: r.status,
      lastAttemptAt: r.last_attempt_at ?? undefined,
      lastSuccessAt: r.last_success_at ?? undefined,
      staleReason: r.stale_reason ?? undefined,
      reasonKind: r.reason_kind ?? undefined,
      pages: Number(r.pages),
      rows: Number(r.rows),
    }));
  }

  /**
   * Counts of findings per group, read from the smallest rollup level that
   * keeps the group column and every filtered column (indexed by level and
   * account, Region, control, severity); filters no level keeps
   * (`workflowStatus`) read the findings table.
   */
  async summary(
    groupBy: GovernanceGroupBy,
    filter: GovernanceFilter = {},
  ): Promise<GovernanceSummaryGroup[]> {
    const db = this.#db;
    const column = GROUP_COLUMN[groupBy];
    const needed = [
      column,
      ...(Object.keys(filter) as Array<keyof GovernanceFilter>)
        .filter(k => filter[k] !== undefined)
        .map(k => FILTER_COLUMN[k]),
    ];
    const rollup = ROLLUP_LEVELS.find(l =>
      needed.every(c => l.columns.includes(c)),
    );
    if (rollup) {
      const rows = await this.#where(
        db('governance_rollups').where('level', rollup.level),
        filter,
      )
        .select({ key: column })
        .sum({ total: 'count' })
        .sum({
          failed: db.raw(
            "CASE WHEN compliance_status = 'FAILED' THEN count ELSE 0 END",
          ),
        })
        .groupBy(column)
        .orderBy(column);
      return rows
        .map((r: any) => ({
          key: r.key === '' ? 'NONE' : r.key,
          total: Number(r.total),
          failed: Number(r.failed),
        }))
        .filter(r => r.total > 0)
        .sort(byKey);
    }
    const rows = await this.#where(db('governance_findings'), filter)
      .select({ key: column })
      .count({ total: '*' })
      .sum({
        failed: db.raw(
          "CASE WHEN compliance_status = 'FAILED' THEN 1 ELSE 0 END",
        ),
      })
      .groupBy(column)
      .orderBy(column);
    return rows
      .map((r: any) => ({
        key: r.key ?? 'NONE',
        total: Number(r.total),
        failed: Number(r.failed),
      }))
      .sort(byKey);
  }

  /**
   * The stored rollup rows with a non-zero count next to the rows recomputed
   * from the findings table, both in key order (consistency checks).
   */
  async verifyRollups(): Promise<{
    stored: Array<Record<string, string | number>>;
    expected: Array<Record<string, string | number>>;
  }> {
    const columns = [
      'source',
      'partition',
      'account_id',
      'region',
      'severity',
      'control_id',
      'compliance_status',
      'record_state',
    ];
    const groups = await this.#db('governance_findings')
      .select(columns)
      .count({ n: '*' })
      .groupBy(columns);
    const deltas = new Map<string, RollupRow>();
    for (const g of groups as any[])
      addRollupDelta(deltas, g.source, g, Number(g.n));
    const stored = (
      await this.#db('governance_rollups').whereNot('count', 0).select()
    ).map((r: any) => {
      const row = {} as RollupRow;
      for (const column of ROLLUP_KEY) row[column] = r[column];
      row.count = Number(r.count);
      return row;
    });
    return {
      stored: stored.sort(compareRollupRows),
      expected: [...deltas.values()].sort(compareRollupRows),
    };
  }

  /**
   * A page of findings ordered by source and id: after the keyset `after`
   * (source, finding id), or `offset` rows in. `nextKey` is the key of the
   * page's last row when more rows follow.
   */
  async listFindings(
    filter: GovernanceFilter,
    page: { limit: number; offset?: number; after?: string[] },
  ): Promise<{
    items: GovernanceFindingRow[];
    total: number;
    nextKey?: string[];
  }> {
    const [{ total }] = await this.#where(
      this.#db('governance_findings'),
      filter,
    ).count({ total: '*' });
    const query = this.#where(this.#db('governance_findings'), filter);
    if (page.offset) query.offset(page.offset);
    const { rows, nextKey } = await readKeysetPage<any>(
      query,
      FINDING_KEY,
      page,
      r => [r.source, r.finding_id],
    );
    return {
      items: rows.map(findingFromRecord),
      total: Number(total),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /** Every finding matching the filter, in batches (for exports). */
  async *streamFindings(
    filter: GovernanceFilter,
    batchSize = 1000,
  ): AsyncGenerator<Array<GovernanceFindingRow & { source: string }>> {
    let after: [string, string] | undefined;
    for (;;) {
      let query = this.#where(this.#db('governance_findings'), filter);
      if (after) {
        const [source, id] = after;
        query = query.where(q =>
          q
            .where('source', '>', source)
            .orWhere(q2 =>
              q2.where('source', source).where('finding_id', '>', id),
            ),
        );
      }
      const rows = await query
        .orderBy(['source', 'finding_id'])
        .limit(batchSize)
        .select();
      if (rows.length === 0) return;
      yield rows.map(r => ({ ...findingFromRecord(r), source: r.source }));
      const last = rows[rows.length - 1];
      after = [last.source, last.finding_id];
    }
  }

  /** Every Resilience Hub app in the scope, ordered by ARN. */
  async listResilienceApps(
    filter: GovernanceFilter = {},
  ): Promise<ResilienceAppRow[]> {
    const rows = await this.#where(
      this.#db('governance_resilience_apps'),
      scopeOnly(filter),
    )
      .orderBy('app_arn')
      .select();
    return rows.map(resilienceAppFromRecord);
  }

  /** A page of {@link GovernanceStore.listResilienceApps}, after the keyset `after` (ARN). */
  async pageResilienceApps(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: ResilienceAppRow[]; nextKey?: string[] }> {
    const { rows, nextKey } = await readKeysetPage<any>(
      this.#where(this.#db('governance_resilience_apps'), scopeOnly(filter)),
      RESILIENCE_KEY,
      page,
      r => [r.app_arn],
    );
    return {
      items: rows.map(resilienceAppFromRecord),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /** Every Audit Manager control in the scope, by assessment, control set and control. */
  async listAuditControls(
    filter: GovernanceFilter = {},
  ): Promise<AuditControlRow[]> {
    const rows = await this.#where(
      this.#db('governance_audit_controls'),
      scopeOnly(filter),
    )
      .orderBy(['assessment_id', 'control_set_id', 'control_id'])
      .select();
    return rows.map(auditControlFromRecord);
  }

  /** A page of {@link GovernanceStore.listAuditControls}, after the keyset `after`. */
  async pageAuditControls(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: AuditControlRow[]; nextKey?: string[] }> {
    const { rows, nextKey } = await readKeysetPage<any>(
      this.#where(this.#db('governance_audit_controls'), scopeOnly(filter)),
      AUDIT_KEY,
      page,
      r => [r.assessment_id, r.control_set_id, r.control_id],
    );
    return {
      items: rows.map(auditControlFromRecord),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /** Every conformance pack score in the scope, by partition, account, Region and pack. */
  async listConformanceScores(
    filter: GovernanceFilter = {},
  ): Promise<ConformanceScoreRow[]> {
    const rows = await this.#where(
      this.#db('governance_conformance_scores'),
      scopeOnly(filter),
    )
      .orderBy(['partition', 'account_id', 'region', 'pack_name'])
      .select();
    return rows.map(conformanceScoreFromRecord);
  }

  /** A page of {@link GovernanceStore.listConformanceScores}, after the keyset `after`. */
  async pageConformanceScores(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: ConformanceScoreRow[]; nextKey?: string[] }> {
    const { rows, nextKey } = await readKeysetPage<any>(
      this.#where(this.#db('governance_conformance_scores'), scopeOnly(filter)),
      CONFORMANCE_KEY,
      page,
      r => [r.partition, r.account_id, r.region, r.pack_name],
    );
    return {
      items: rows.map(conformanceScoreFromRecord),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /** Writes (or overwrites) today's history point per partition of a source. */
  async recordHistory(source: GovernanceSource, day: string): Promise<void> {
    const db = this.#db;
    const totals = await db('governance_rollups')
      .where({ level: 'partition', source, record_state: 'ACTIVE' })
      .select('partition')
      .sum({ total: 'count' })
      .sum({
        failed: db.raw(
          "CASE WHEN compliance_status = 'FAILED' THEN count ELSE 0 END",
        ),
      })
      .sum({
        severe: db.raw(
          "CASE WHEN compliance_status = 'FAILED' AND severity IN ('CRITICAL', 'HIGH') THEN count ELSE 0 END",
        ),
      })
      .groupBy('partition');
    const stale = await db('governance_sync_state')
      .where({ source, status: 'stale' })
      .select('partition')
      .count({ n: '*' })
      .groupBy('partition');
    const staleBy = new Map(stale.map((s: any) => [s.partition, Number(s.n)]));
    const partitions = new Set([
      ...totals.map((t: any) => t.partition),
      ...staleBy.keys(),
    ]);
    for (const partition of partitions) {
      const t: any = totals.find((x: any) => x.partition === partition) ?? {};
      const point = {
        day,
        source,
        partition,
        total: Number(t.total ?? 0),
        failed: Number(t.failed ?? 0),
        critical_or_high_failed: Number(t.severe ?? 0),
        stale_targets: staleBy.get(partition) ?? 0,
      };
      await db('governance_history')
        .insert(point)
        .onConflict(['day', 'source', 'partition'])
        .merge();
    }
  }

  /** Every history point, by day, source and partition. */
  async history(
    filter: { partition?: string; source?: string } = {},
  ): Promise<GovernanceHistoryRow[]> {
    const rows = await this.#where(this.#db('governance_history'), filter)
      .orderBy(['day', 'source', 'partition'])
      .select();
    return rows.map(historyPointFromRecord);
  }

  /**
   * A page of history points from `since` (a day, inclusive), by day,
   * source and partition, after the keyset `after`.
   */
  async pageHistory(
    filter: { partition?: string; source?: string; since?: string },
    page: { limit: number; after?: string[] },
  ): Promise<{ items: GovernanceHistoryRow[]; nextKey?: string[] }> {
    const { since, ...rest } = filter;
    const query = this.#where(this.#db('governance_history'), rest);
    if (since) query.where('day', '>=', since);
    const { rows, nextKey } = await readKeysetPage<any>(
      query,
      HISTORY_KEY,
      page,
      r => [r.day, r.source, r.partition],
    );
    return {
      items: rows.map(historyPointFromRecord),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /**
   * Runs `read` against one consistent view of every table: on PostgreSQL
   * a read-only REPEATABLE READ transaction (its snapshot is taken at its
   * first query; concurrent syncs commit without waiting), on SQLite a
   * transaction on the one connection (writes wait until it ends). The
   * snapshot store and `db` are valid only until `read` settles.
   */
  async readSnapshot<T>(
    read: (snapshot: GovernanceStore, db: Knex) => Promise<T>,
  ): Promise<T> {
    return this.#db.transaction(
      tx => read(new GovernanceStore(tx), tx),
      this.#isPg
        ? { isolationLevel: 'repeatable read', readOnly: true }
        : undefined,
    );
  }

  /** How {@link GovernanceStore.readSnapshot} isolates its reads, for the record. */
  get snapshotIsolation(): string {
    return this.#isPg
      ? 'PostgreSQL read-only REPEATABLE READ transaction'
      : 'SQLite transaction';
  }

  #where<T extends Knex.QueryBuilder>(query: T, filter: GovernanceFilter): T {
    for (const [key, value] of Object.entries(filter) as Array<
      [keyof GovernanceFilter, string | undefined]
    >) {
      if (value !== undefined) query.where(FILTER_COLUMN[key], value);
    }
    return query;
  }
}

/** A target's new coverage after an outcome; `undefined` keeps the stored one (a failed run). */
function coverageUpdate(outcome: GovernanceTargetOutcome):
  | {
      coverage_scope: string | null;
      proofs: NonNullable<GovernanceTargetOutcome['coverage']>['regions'];
    }
  | undefined {
  if (outcome.status === 'ok')
    return {
      coverage_scope: outcome.coverage?.scope ?? null,
      proofs: outcome.coverage?.regions ?? [],
    };
  if (outcome.status === 'unavailable')
    return { coverage_scope: null, proofs: [] };
  return undefined;
}

function scopeOnly(filter: GovernanceFilter): GovernanceFilter {
  return {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
  };
}

function findingFromRecord(r: any): GovernanceFindingRow {
  return {
    findingId: r.finding_id,
    partition: r.partition,
    accountId: r.account_id,
    region: r.region,
    severity: r.severity,
    complianceStatus: r.compliance_status ?? undefined,
    controlId: r.control_id ?? undefined,
    workflowStatus: r.workflow_status ?? undefined,
    recordState: r.record_state,
    resourceType: r.resource_type ?? undefined,
    resourceId: r.resource_id ?? undefined,
    productName: r.product_name ?? undefined,
    generatorId: r.generator_id ?? undefined,
    title: r.title ?? undefined,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function resilienceAppFromRecord(r: any): ResilienceAppRow {
  return {
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
  };
}

function auditControlFromRecord(r: any): AuditControlRow {
  return {
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
  };
}

function conformanceScoreFromRecord(r: any): ConformanceScoreRow {
  return {
    partition: r.partition,
    accountId: r.account_id,
    region: r.region,
    packName: r.pack_name,
    complianceType: r.compliance_type,
    compliantRules: Number(r.compliant_rules),
    nonCompliantRules: Number(r.non_compliant_rules),
    totalRules: Number(r.total_rules),
    score: Number(r.score),
  };
}

function historyPointFromRecord(r: any): GovernanceHistoryRow {
  return {
    day: r.day,
    source: r.source,
    partition: r.partition,
    total: Number(r.total),
    failed: Number(r.failed),
    criticalOrHighFailed: Number(r.critical_or_high_failed),
    staleTargets: Number(r.stale_targets),
  };
}
