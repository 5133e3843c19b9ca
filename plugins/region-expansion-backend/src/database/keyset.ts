import { Knex } from 'knex';

/**
 * One column of a keyset order. The columns together must identify a row
 * (the last ones are usually the primary key), or rows with equal keys
 * would be skipped between pages.
 */
export interface KeysetColumn {
  column: string;
  order: 'asc' | 'desc';
}

/** Keeps the rows that come after `after` in the order of `columns`. */
function whereAfter(
  query: Knex.QueryBuilder,
  columns: KeysetColumn[],
  after: readonly Knex.Value[],
): void {
  if (columns.every(c => c.order === columns[0].order)) {
    // A row-value comparison: PostgreSQL walks the matching index from it.
    const op = columns[0].order === 'asc' ? '>' : '<';
    const names = columns.map(() => '??').join(', ');
    const values = columns.map(() => '?').join(', ');
    query.whereRaw(`(${names}) ${op} (${values})`, [
      ...columns.map(c => c.column),
      ...after,
    ]);
    return;
  }
  query.where(outer => {
    columns.forEach((c, i) => {
      outer.orWhere(q => {
        for (let j = 0; j < i; j++) q.where(columns[j].column, '=', after[j]);
        q.where(c.column, c.order === 'asc' ? '>' : '<', after[i]);
      });
    });
  });
}

/**
 * One page of `query` in keyset order: at most `limit` rows after `after`,
 * and the key of the page's last row when more rows follow. Reads one row
 * more than the page to know, so no count is needed; its cost does not grow
 * with the depth of the page.
 */
export async function readKeysetPage<Row>(
  query: Knex.QueryBuilder,
  columns: KeysetColumn[],
  page: { limit: number; after?: readonly Knex.Value[] },
  keyOf: (row: Row) => string[],
): Promise<{ rows: Row[]; nextKey?: string[] }> {
  if (page.after) whereAfter(query, columns, page.after);
  const rows: Row[] = await query
    .orderBy(columns.map(c => ({ column: c.column, order: c.order })))
    .limit(page.limit + 1);
  if (rows.length <= page.limit) return { rows };
  const kept = rows.slice(0, page.limit);
  return { rows: kept, nextKey: keyOf(kept[kept.length - 1]) };
}
