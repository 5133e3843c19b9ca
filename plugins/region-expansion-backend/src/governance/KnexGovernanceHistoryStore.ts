import type { GovernanceSource } from '@region-expansion/plugin-region-expansion-node';
import { KnexStore } from '../database/KnexStore';
import { KeysetColumn, readKeysetPage } from '../database/keyset';
import { GovernanceFilter, whereFilter } from './governanceFilter';

// History is kept per partition: it has no Region or account to scope by.
const HISTORY_SCOPE_COLUMNS = { partition: 'partition' };
import {
  GovernanceHistoryRow,
  GovernanceHistoryStore,
} from './GovernanceHistoryStore';
import { GovernanceKeysetPage } from './GovernanceSnapshotStore';

/** Keyset order of the history pages: the table's primary key. */
const HISTORY_KEY: KeysetColumn[] = [
  { column: 'day', order: 'asc' },
  { column: 'source', order: 'asc' },
  { column: 'partition', order: 'asc' },
];

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

/**
 * The {@link GovernanceHistoryStore} over the plugin's database (table
 * `governance_history`, computed from the partition-level rollups and the
 * stale sync states).
 *
 * @public
 */
export class KnexGovernanceHistoryStore
  extends KnexStore
  implements GovernanceHistoryStore
{
  async recordHistory(source: GovernanceSource, day: string): Promise<void> {
    const db = this.db;
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

  async history(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> = {},
  ): Promise<GovernanceHistoryRow[]> {
    const rows = await whereFilter(
      this.db('governance_history'),
      filter,
      HISTORY_SCOPE_COLUMNS,
    )
      .orderBy(['day', 'source', 'partition'])
      .select();
    return rows.map(historyPointFromRecord);
  }

  async pageHistory(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> & {
      since?: string;
    },
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<GovernanceHistoryRow>> {
    const { since, ...rest } = filter;
    const query = whereFilter(
      this.db('governance_history'),
      rest,
      HISTORY_SCOPE_COLUMNS,
    );
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
}
