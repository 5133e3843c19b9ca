/**
 * Rollups of governance findings: counts per group kept on write, so a
 * summary reads a few rows instead of every finding.
 */

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
export const ROLLUP_LEVELS: Array<{
  level: string;
  columns: string[];
  lockRank: number;
}> = [
  { level: 'partition', columns: ['severity'], lockRank: 3 },
  { level: 'region', columns: ['region', 'severity'], lockRank: 2 },
  // The `_total` levels drop severity: a summary by account (or by account
  // in a Region) unfiltered by severity reads fewer rows (7,878 instead of
  // 26,728 at 300,000 findings in 2,000 accounts).
  { level: 'account_total', columns: ['account_id'], lockRank: 0 },
  { level: 'account', columns: ['account_id', 'severity'], lockRank: 0 },
  {
    level: 'control',
    columns: ['region', 'control_id', 'severity'],
    lockRank: 1,
  },
  { level: 'scope_total', columns: ['account_id', 'region'], lockRank: 0 },
  {
    level: 'scope',
    columns: ['account_id', 'region', 'severity'],
    lockRank: 0,
  },
  // No level keeps both the account and the control: it had nearly one row
  // per two findings (5.08M rows at 10M findings), so every write paid
  // almost a second finding for it. A summary by control filtered by
  // account reads the findings table through its account index instead.
].map(l => ({ ...l, columns: [...ALWAYS, ...l.columns] }));

/** The primary key of `governance_rollups`. */
export const ROLLUP_KEY = [
  'level',
  'account_id',
  'region',
  'control_id',
  'severity',
  'compliance_status',
  'record_state',
  'source',
  'partition',
  'shard',
] as const;

/**
 * The shard of a finding's row at a level without an account: the account
 * id's last character (as SQL's `substr(account_id, length(account_id), 1)`,
 * so a migration can compute it too). Every write touches the rows of the
 * levels without an account; kept in one row per group, they made concurrent
 * writes of different accounts wait for each other's COMMIT (most of a 10M
 * load's time was that lock wait). Split in up to ten rows per group, writes
 * of accounts with different last digits share none; a summary sums them.
 * Levels with an account keep '' (the account already separates writers).
 */
export function rollupShard(accountId: string): string {
  return accountId.slice(-1);
}

/** One row of `governance_rollups`. */
export type RollupRow = Record<(typeof ROLLUP_KEY)[number], string> & {
  count: number;
};

/** The columns of a finding that the rollups count by, in key order. */
export const ROLLUP_DIM_COLUMNS = [
  'partition',
  'account_id',
  'region',
  'severity',
  'control_id',
  'compliance_status',
  'record_state',
] as const;

/** The dimensions of a finding that the rollups count by. */
export type RollupDims = {
  partition: string;
  account_id: string;
  region: string;
  severity: string;
  control_id: string | null;
  compliance_status: string | null;
  record_state: string;
};

/**
 * Per level, whether it keeps each column of {@link ROLLUP_KEY} after
 * `level` (`shard` where it has no account): computed once, so a write of
 * many findings does not look the columns up per finding and level.
 */
const LEVEL_KEEPS = ROLLUP_LEVELS.map(({ level, columns }) => ({
  level,
  keeps: ROLLUP_KEY.slice(1).map(column =>
    column === 'shard'
      ? !columns.includes('account_id')
      : columns.includes(column),
  ),
}));

/** Adds `delta` to every level's row of a finding. */
export function addRollupDelta(
  deltas: Map<string, RollupRow>,
  source: string,
  dims: RollupDims,
  delta: number,
) {
  // In ROLLUP_KEY order after `level`.
  const values = [
    dims.account_id,
    dims.region,
    dims.control_id ?? '',
    dims.severity,
    dims.compliance_status ?? '',
    dims.record_state,
    source,
    dims.partition,
    rollupShard(dims.account_id),
  ];
  for (const { level, keeps } of LEVEL_KEEPS) {
    let id = level;
    for (let c = 0; c < values.length; c++)
      id += `\u0000${keeps[c] ? values[c] : ''}`;
    const entry = deltas.get(id);
    if (entry) {
      entry.count += delta;
      continue;
    }
    const row = { level } as RollupRow;
    for (let c = 0; c < values.length; c++)
      row[ROLLUP_KEY[c + 1]] = keeps[c] ? values[c] : '';
    row.count = delta;
    deltas.set(id, row);
  }
}

const LOCK_RANK = new Map(ROLLUP_LEVELS.map(l => [l.level, l.lockRank]));

/**
 * Write order of rollup rows: by level from a target's own rows to the
 * partition's, which every concurrent write needs, then by key. Writers
 * lock shared rows in one order (no deadlocks), and the most shared ones
 * last, so they are held only for the end of the statement and the COMMIT.
 */
export function lockOrder(x: RollupRow, y: RollupRow): number {
  return (
    LOCK_RANK.get(x.level)! - LOCK_RANK.get(y.level)! || compareRollupRows(x, y)
  );
}

/** Orders rollup rows by key. */
export function compareRollupRows(x: RollupRow, y: RollupRow): number {
  for (const column of ROLLUP_KEY) {
    if (x[column] !== y[column]) return x[column] < y[column] ? -1 : 1;
  }
  return 0;
}

/** The columns of {@link ROLLUP_KEY} that some level does not keep. */
const DROPPABLE = ['account_id', 'region', 'control_id', 'severity'] as const;

/** Every level with its lock rank and which {@link DROPPABLE} columns it keeps, as a VALUES list. */
const LEVEL_VALUES = ROLLUP_LEVELS.map(
  l =>
    `('${l.level}', ${l.lockRank}, ${DROPPABLE.map(c =>
      l.columns.includes(c),
    ).join(', ')})`,
).join(', ');

/**
 * A PostgreSQL statement (or data-modifying WITH query) that adds finding
 * deltas to every level's rollup rows: `from` names a relation of `source`,
 * the {@link ROLLUP_DIM_COLUMNS} and `n` (+1 a finding counted, -1 one no
 * longer counted there). The same rows as {@link addRollupDelta} (absent
 * values as '', {@link rollupShard} at levels without an account), computed
 * by the database in one pass instead of keys built in JavaScript per
 * finding and level, and written in {@link lockOrder}'s order (rank, then
 * key; the database's collation for the key, the same for every writer).
 */
export function pgRollupUpsert(from: string): string {
  const value: Record<(typeof ROLLUP_KEY)[number], string> = {
    level: 'l.level',
    account_id: `CASE WHEN l.account_id THEN d.account_id ELSE '' END`,
    region: `CASE WHEN l.region THEN d.region ELSE '' END`,
    control_id: `CASE WHEN l.control_id THEN COALESCE(d.control_id, '') ELSE '' END`,
    severity: `CASE WHEN l.severity THEN d.severity ELSE '' END`,
    compliance_status: `COALESCE(d.compliance_status, '')`,
    record_state: 'd.record_state',
    source: 'd.source',
    partition: 'd.partition',
    shard: `CASE WHEN l.account_id THEN ''
                 ELSE substr(d.account_id, length(d.account_id), 1) END`,
  };
  const positions = ROLLUP_KEY.map((_, i) => i + 1).join(', ');
  return `INSERT INTO governance_rollups (${ROLLUP_KEY.join(', ')}, count)
    SELECT ${ROLLUP_KEY.map(c => value[c]).join(', ')}, SUM(d.n)
      FROM ${from} d
     CROSS JOIN (VALUES ${LEVEL_VALUES})
        AS l (level, lock_rank, ${DROPPABLE.join(', ')})
     GROUP BY l.lock_rank, ${positions}
    HAVING SUM(d.n) <> 0
     ORDER BY l.lock_rank, ${positions}
    ON CONFLICT (${ROLLUP_KEY.join(', ')})
    DO UPDATE SET count = governance_rollups.count + EXCLUDED.count`;
}
