import type {
  GovernanceFindingRow,
  GovernanceSource,
} from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { KnexStore } from '../database/KnexStore';
import { KeysetColumn, readKeysetPage } from '../database/keyset';
import { retryTransaction } from '../database/retryTransaction';
import { isPostgres } from '../database/writeTransaction';
import {
  FILTER_COLUMN,
  GovernanceFilter,
  SCOPE_COLUMNS,
  whereFilter,
} from './governanceFilter';
import {
  FindingsPage,
  FindingsPageRequest,
  GovernanceFindingStore,
  GovernanceGroupBy,
  GovernanceSummaryGroup,
} from './GovernanceFindingStore';
import {
  addRollupDelta,
  compareRollupRows,
  lockOrder,
  pgRollupUpsert,
  ROLLUP_DIM_COLUMNS,
  ROLLUP_KEY,
  ROLLUP_LEVELS,
  RollupDims,
  RollupRow,
} from './governanceRollups';
import { GovernanceFindingsCommit } from './GovernanceSyncStateStore';
import { commitSyncState } from './KnexGovernanceSyncStateStore';

/**
 * Rows per transaction. PostgreSQL takes a chunk's findings as one JSON
 * parameter (no bind limit), and a bigger chunk folds more findings into
 * each rollup row's delta and pays a transaction's fixed cost (the shared
 * rollup rows' locks, COMMIT) less often. knex writes SQLite's inserts as a
 * compound SELECT, limited to 500 terms.
 */
const CHUNK = { pg: 5000, sqlite: 400 };

const GROUP_COLUMN: Record<GovernanceGroupBy, string> = {
  partition: 'partition',
  region: 'region',
  account: 'account_id',
  severity: 'severity',
  control: 'control_id',
  status: 'compliance_status',
};

/** Keyset order of the findings pages: ends with the table's primary key. */
const FINDING_KEY: KeysetColumn[] = [
  { column: 'source', order: 'asc' },
  { column: 'finding_id', order: 'asc' },
];

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
 * The columns of `governance_findings` after `source`, in table order, with
 * the field of a finding each holds; `optional` fields are stored as NULL
 * when absent and read back as absent.
 */
const FINDING_COLUMNS: ReadonlyArray<{
  column: string;
  field: keyof GovernanceFindingRow;
  optional?: true;
}> = [
  { column: 'finding_id', field: 'findingId' },
  { column: 'partition', field: 'partition' },
  { column: 'account_id', field: 'accountId' },
  { column: 'region', field: 'region' },
  { column: 'severity', field: 'severity' },
  { column: 'compliance_status', field: 'complianceStatus', optional: true },
  { column: 'control_id', field: 'controlId', optional: true },
  { column: 'workflow_status', field: 'workflowStatus', optional: true },
  { column: 'record_state', field: 'recordState' },
  { column: 'resource_type', field: 'resourceType', optional: true },
  { column: 'resource_id', field: 'resourceId', optional: true },
  { column: 'product_name', field: 'productName', optional: true },
  { column: 'generator_id', field: 'generatorId', optional: true },
  { column: 'title', field: 'title', optional: true },
  { column: 'created_at', field: 'createdAt' },
  { column: 'updated_at', field: 'updatedAt' },
];

/**
 * PostgreSQL: a chunk's findings as rows of `governance_findings`, from
 * the source (first parameter) and the findings as JSON (second), read
 * under their field names (absent optional fields are NULL).
 */
const PG_INPUT = `SELECT ?::text AS source, ${FINDING_COLUMNS.map(
  c => `r."${c.field}" AS ${c.column}`,
).join(', ')}
  FROM json_to_recordset(?::json) AS r (${FINDING_COLUMNS.map(
    c => `"${c.field}" text`,
  ).join(', ')})`;

function findingFromRecord(
  record: Record<string, unknown>,
): GovernanceFindingRow {
  const row: Record<string, unknown> = {};
  for (const { column, field, optional } of FINDING_COLUMNS) {
    row[field] = optional ? record[column] ?? undefined : record[column];
  }
  return row as unknown as GovernanceFindingRow;
}

function findingToRecord(
  source: GovernanceSource,
  row: GovernanceFindingRow,
): Record<string, unknown> & RollupDims {
  const record: Record<string, unknown> = { source };
  for (const { column, field, optional } of FINDING_COLUMNS) {
    record[column] = optional ? row[field] ?? null : row[field];
  }
  return record as Record<string, unknown> & RollupDims;
}

/**
 * The {@link GovernanceFindingStore} over the plugin's database (tables
 * `governance_findings` and `governance_rollups`; a page's cursor goes to
 * `governance_sync_state` in the page's transaction).
 *
 * @public
 */
export class KnexGovernanceFindingStore
  extends KnexStore
  implements GovernanceFindingStore
{
  get #chunk(): number {
    return isPostgres(this.db) ? CHUNK.pg : CHUNK.sqlite;
  }

  /**
   * Upserts findings by (source, finding id) and moves their rollup counts
   * from the old groups to the new ones in the same transaction: per chunk
   * the existing rows locked (PostgreSQL) or read (SQLite), one multi-row
   * upsert of the findings, one multi-row upsert of the rollup deltas
   * (computed by PostgreSQL in the findings' statement, in memory on SQLite) and, with
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
        await retryTransaction(this.db, tx =>
          commitSyncState(tx, source, commit),
        );
      return;
    }
    const size = this.#chunk;
    for (let i = 0; i < unique.length; i += size) {
      const chunk = unique.slice(i, i + size);
      const last = i + size >= unique.length;
      await retryTransaction(this.db, async tx => {
        // The target's own state row first: the shared rollup rows, locked
        // by the chunk's last statement, are then held only until COMMIT.
        if (last && commit) await commitSyncState(tx, source, commit);
        await this.#upsertChunk(tx, source, chunk);
      });
    }
  }

  async #upsertChunk(
    tx: Knex.Transaction,
    source: GovernanceSource,
    chunk: GovernanceFindingRow[],
  ) {
    if (isPostgres(this.db)) {
      await this.#upsertChunkPg(tx, source, chunk);
      return;
    }
    const records = chunk.map(r => findingToRecord(source, r));
    const existing: RollupDims[] = await tx('governance_findings')
      .where('source', source)
      .whereIn(
        'finding_id',
        chunk.map(r => r.findingId),
      )
      .select(...ROLLUP_DIM_COLUMNS);
    const deltas = new Map<string, RollupRow>();
    for (const old of existing) addRollupDelta(deltas, source, old, -1);
    for (const record of records) addRollupDelta(deltas, source, record, 1);
    const changes = [...deltas.values()]
      .filter(d => d.count !== 0)
      .sort(lockOrder);
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

  /**
   * PostgreSQL: the chunk's stored rows locked first, then one statement
   * that upserts the findings (one JSON parameter) and, in a WITH query run
   * after it, adds the deltas between the stored and the new rows to the
   * rollups, computed by the database ({@link pgRollupUpsert}): building
   * a rollup key per finding and level in JavaScript, and the JSON of the
   * deltas, took more of a 1M-finding load's CPU than PostgreSQL's work.
   * The rows go as they are (JSON under their field names, read with
   * {@link PG_INPUT}), without a column-named copy of each.
   */
  async #upsertChunkPg(
    tx: Knex.Transaction,
    source: GovernanceSource,
    chunk: GovernanceFindingRow[],
  ) {
    // One array parameter instead of one bind per id, and one primary-key
    // lookup per id (LATERAL): with `finding_id = ANY (...)` and no
    // statistics yet (a table filling up before autovacuum has analyzed
    // it), PostgreSQL scanned every row of the source per page. Locked, so
    // the stored rows read below are still the stored ones at the upsert.
    await tx.raw(
      `SELECT 1
         FROM unnest(?::text[]) AS ids (finding_id)
        CROSS JOIN LATERAL (
              SELECT 1 FROM governance_findings
               WHERE source = ? AND finding_id = ids.finding_id
                 FOR UPDATE
             ) f`,
      [pgTextArray(chunk.map(r => r.findingId)), source],
    );
    const dims = ['source', ...ROLLUP_DIM_COLUMNS].join(', ');
    // Every part of one statement reads the rows as they were before it, so
    // `old` holds the stored rows even though the upsert replaces them.
    await tx.raw(
      `WITH input AS (${PG_INPUT}), old AS (
         SELECT ${ROLLUP_DIM_COLUMNS.map(c => `f.${c}`).join(', ')}, f.source
           FROM input i
          CROSS JOIN LATERAL (
                SELECT ${dims} FROM governance_findings g
                 WHERE g.source = i.source AND g.finding_id = i.finding_id
               ) f
       ), deltas AS (
         SELECT ${dims}, SUM(n) AS n
           FROM (SELECT ${dims}, 1 AS n FROM input
                 UNION ALL
                 SELECT ${dims}, -1 AS n FROM old) d
          GROUP BY ${dims}
       ), rolled_up AS (
         ${pgRollupUpsert('deltas')}
       )
       INSERT INTO governance_findings (source, ${FINDING_COLUMNS.map(
         c => c.column,
       ).join(', ')})
       SELECT * FROM input
       ON CONFLICT (source, finding_id) DO UPDATE SET ${FINDING_COLUMNS.filter(
         c => c.column !== 'finding_id',
       )
         .map(c => `${c.column} = EXCLUDED.${c.column}`)
         .join(', ')}`,
      [source, JSON.stringify(chunk)],
    );
  }

  /**
   * Counts of findings per group, read from the smallest rollup level that
   * keeps the group column and every filtered column (indexed by level and
   * account, Region, control, severity); groups and filters no level keeps
   * together (`workflowStatus`, a control with an account or a scope) read
   * the findings table, through its account index when an account is given.
   */
  async summary(
    groupBy: GovernanceGroupBy,
    filter: GovernanceFilter = {},
  ): Promise<GovernanceSummaryGroup[]> {
    const db = this.db;
    const column = GROUP_COLUMN[groupBy];
    const { scope, ...values } = filter;
    const needed = [
      column,
      ...(Object.keys(values) as Array<keyof typeof values>)
        .filter(k => values[k] !== undefined)
        .map(k => FILTER_COLUMN[k]),
      // A scope may name any of them: read a level that keeps all three.
      ...(scope ? Object.values(SCOPE_COLUMNS) : []),
    ];
    const rollup = ROLLUP_LEVELS.find(l =>
      needed.every(c => l.columns.includes(c)),
    );
    // A rollup row counts `count` findings and stores a missing value as
    // ''; a finding counts one and stores it as NULL.
    const weight = rollup ? 'count' : '1';
    const missing = rollup ? '' : null;
    const table = rollup
      ? db('governance_rollups').where('level', rollup.level)
      : db('governance_findings');
    const rows = await whereFilter(table, filter)
      .select({ key: column })
      .sum({ total: db.raw(weight) })
      .sum({
        failed: db.raw(
          `CASE WHEN compliance_status = 'FAILED' THEN ${weight} ELSE 0 END`,
        ),
      })
      .groupBy(column)
      .orderBy(column);
    return rows
      .map((r: any) => ({
        key: r.key === missing || r.key === undefined ? 'NONE' : r.key,
        total: Number(r.total),
        failed: Number(r.failed),
      }))
      .filter(r => r.total > 0)
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
    const columns = ['source', ...ROLLUP_DIM_COLUMNS];
    const groups = await this.db('governance_findings')
      .select(columns)
      .count({ n: '*' })
      .groupBy(columns);
    const deltas = new Map<string, RollupRow>();
    for (const g of groups as any[])
      addRollupDelta(deltas, g.source, g, Number(g.n));
    const stored = (
      await this.db('governance_rollups').whereNot('count', 0).select()
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
    page: FindingsPageRequest,
  ): Promise<FindingsPage> {
    const [{ total }] = await whereFilter(
      this.db('governance_findings'),
      filter,
    ).count({ total: '*' });
    const query = whereFilter(this.db('governance_findings'), filter);
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

  /**
   * Every finding matching the filter, in batches (for exports), read in
   * keyset pages like {@link listFindings}: each page starts after the last
   * key with a row-value comparison, so a deep page costs what the first does.
   */
  async *streamFindings(
    filter: GovernanceFilter,
    batchSize = 1000,
  ): AsyncGenerator<Array<GovernanceFindingRow & { source: string }>> {
    let after: string[] | undefined;
    do {
      const { rows, nextKey } = await readKeysetPage<any>(
        whereFilter(this.db('governance_findings'), filter),
        FINDING_KEY,
        { limit: batchSize, after },
        r => [r.source, r.finding_id],
      );
      if (rows.length)
        yield rows.map(r => ({ ...findingFromRecord(r), source: r.source }));
      after = nextKey;
    } while (after);
  }
}
