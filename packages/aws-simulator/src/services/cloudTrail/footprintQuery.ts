import type { SimulatedCloudTrailRecord } from './records';

/**
 * The one query shape both simulated engines evaluate: counts of
 * (eventType, eventSource, eventName, account, Region) in a time window,
 * optionally for some accounts and Regions. `from` is the FROM target as
 * written (an event data store id, or `"database"."table"`).
 */
export interface FootprintQuery {
  from: string;
  /** Inclusive lower bound of eventTime, epoch ms. */
  start?: number;
  /** Exclusive upper bound of eventTime, epoch ms. */
  end?: number;
  accounts?: string[];
  regions?: string[];
  /** The count column's alias as written. */
  countAlias: string;
  /** The grouped columns in the order selected, as written. */
  columns: string[];
}

const GROUPED = [
  'eventtype',
  'eventsource',
  'eventname',
  'recipientaccountid',
  'awsregion',
];

const SHAPE =
  /^select (.+?) from ("?[\w-]+"?(?:\."?[\w-]+"?)?) (?:where (.+?) )?group by (.+)$/i;
const COUNT = /^count\(\*\) as ([a-z_][a-z0-9_]*)$/i;
const TIME =
  /^eventtime (>=|<) '(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z?)'$/i;
const LIST =
  /^(recipientaccountid|awsregion) in \(('[a-z0-9-]+'(?:, ?'[a-z0-9-]+')*)\)$/i;

function sameColumns(written: string[], expected: string[]): boolean {
  const lower = written.map(c => c.trim().toLowerCase());
  return (
    lower.length === expected.length && expected.every(c => lower.includes(c))
  );
}

/**
 * The query, when `sql` has the footprint shape; `undefined` for any other
 * statement (the engines answer it with their invalid-statement error).
 */
export function parseFootprintQuery(sql: string): FootprintQuery | undefined {
  const text = sql.replace(/\s+/g, ' ').trim().replace(/ ?;$/, '');
  const shape = SHAPE.exec(text);
  if (!shape) return undefined;
  const [, select, from, where, groupBy] = shape;
  const selected = select.split(',').map(c => c.trim());
  const count = COUNT.exec(selected[selected.length - 1] ?? '');
  const columns = selected.slice(0, -1);
  if (
    !count ||
    !sameColumns(columns, GROUPED) ||
    !sameColumns(groupBy.split(','), GROUPED)
  ) {
    return undefined;
  }
  const query: FootprintQuery = { from, countAlias: count[1], columns };
  for (const condition of where ? where.split(/ and /i) : []) {
    const time = TIME.exec(condition);
    const list = LIST.exec(condition);
    if (time) {
      const at = Date.parse(`${time[2].replace(' ', 'T').replace(/Z$/, '')}Z`);
      if (Number.isNaN(at)) return undefined;
      if (time[1] === '>=') query.start = at;
      else query.end = at;
    } else if (list) {
      const values = list[2].split(',').map(v => v.trim().slice(1, -1));
      if (list[1].toLowerCase() === 'recipientaccountid') {
        query.accounts = values;
      } else query.regions = values;
    } else return undefined;
  }
  return query;
}

/** The column a record has for a grouped column name (any case). */
function valueOf(record: SimulatedCloudTrailRecord, column: string): string {
  switch (column.toLowerCase()) {
    case 'eventtype':
      return record.eventType;
    case 'eventsource':
      return record.eventSource;
    case 'eventname':
      return record.eventName;
    case 'recipientaccountid':
      return record.account;
    default:
      return record.region;
  }
}

/**
 * The query's result over `records`: one row per group, the grouped
 * values in the order selected and the count last, sorted; and the number
 * of records that matched.
 */
export function evaluateFootprintQuery(
  records: readonly SimulatedCloudTrailRecord[],
  query: FootprintQuery,
): { rows: string[][]; matched: number } {
  const counts = new Map<string, number>();
  let matched = 0;
  for (const record of records) {
    if (query.start !== undefined && record.eventTime < query.start) continue;
    if (query.end !== undefined && record.eventTime >= query.end) continue;
    if (query.accounts && !query.accounts.includes(record.account)) continue;
    if (query.regions && !query.regions.includes(record.region)) continue;
    matched++;
    const key = query.columns.map(c => valueOf(record, c)).join('\t');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => [...key.split('\t'), String(count)]);
  return { rows, matched };
}
