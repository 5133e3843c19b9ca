import { engineInputError } from './EngineQueryError';

/**
 * Which records an engine-side footprint counts: a time window and,
 * optionally, some accounts and Regions.
 *
 * @public
 */
export interface EngineFootprintFilters {
  /** Only records of these accounts (recipientAccountId); 12-digit ids. */
  accounts?: string[];
  /** Only records of these Regions (awsRegion), e.g. `eu-west-2`. */
  regions?: string[];
}

/** The time window and filters, checked: what the SQL may contain. */
export interface EngineQueryScope {
  start: Date;
  end: Date;
  accounts?: string[];
  regions?: string[];
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** Longest window: CloudTrail Lake keeps events for at most 3653 days. */
export const MAX_WINDOW_DAYS = 3653;
/** Most accounts or Regions one query names. */
const MAX_LIST = 1000;

function checkedList(
  field: string,
  values: string[] | undefined,
  pattern: RegExp,
  example: string,
): string[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || values.length === 0) {
    throw engineInputError(
      field,
      'must name at least one value (leave it out for all)',
    );
  }
  if (values.length > MAX_LIST) {
    throw engineInputError(field, `must name at most ${MAX_LIST} values`);
  }
  for (const value of values) {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw engineInputError(
        field,
        `${JSON.stringify(value)} is not ${example}`,
      );
    }
  }
  return [...new Set(values)].sort();
}

/**
 * Checks the window and the filters before anything is sent: only values
 * that match their pattern ever reach the SQL text, so no filter can
 * change the statement.
 */
export function checkEngineScope(
  start: Date,
  end: Date,
  filters: EngineFootprintFilters = {},
): EngineQueryScope {
  for (const [field, date] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw engineInputError(field, 'must be a valid date');
    }
  }
  if (start.getTime() >= end.getTime()) {
    throw engineInputError('end', 'must be after start');
  }
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw engineInputError(
      'start',
      `the window must be at most ${MAX_WINDOW_DAYS} days (the longest CloudTrail Lake retention)`,
    );
  }
  return {
    start,
    end,
    accounts: checkedList(
      'filters.accounts',
      filters.accounts,
      ACCOUNT,
      'a 12-digit AWS account id',
    ),
    regions: checkedList(
      'filters.regions',
      filters.regions,
      REGION,
      'a Region id such as eu-west-2',
    ),
  };
}

/** The grouped columns, in the order selected. */
const COLUMNS = [
  'eventType',
  'eventSource',
  'eventName',
  'recipientAccountId',
  'awsRegion',
];
/** Alias of the count column. */
export const COUNT_COLUMN = 'eventCount';

/**
 * The one footprint statement: counts per event type, source, name,
 * account and Region in the window. Event type is grouped too, so API
 * calls are told from service events and sign-ins as the local reader
 * does. `from` and every value are validated before they get here.
 * CloudTrail Lake writes times as `YYYY-MM-DD HH:MM:SS`; the Athena
 * CloudTrail table holds `eventtime` as an ISO 8601 string and its columns
 * in lower case.
 */
export function footprintStatement(
  dialect: 'cloudtrail-lake' | 'athena',
  from: string,
  scope: EngineQueryScope,
): string {
  const column = (name: string) =>
    dialect === 'athena' ? name.toLowerCase() : name;
  const time = (date: Date) => {
    const iso = date.toISOString().slice(0, 19);
    return dialect === 'athena' ? `${iso}Z` : iso.replace('T', ' ');
  };
  const list = (values: string[]) => values.map(v => `'${v}'`).join(', ');
  const conditions = [
    `${column('eventTime')} >= '${time(scope.start)}'`,
    `${column('eventTime')} < '${time(scope.end)}'`,
    ...(scope.accounts
      ? [`${column('recipientAccountId')} IN (${list(scope.accounts)})`]
      : []),
    ...(scope.regions
      ? [`${column('awsRegion')} IN (${list(scope.regions)})`]
      : []),
  ];
  const grouped = COLUMNS.map(column).join(', ');
  return [
    `SELECT ${grouped}, COUNT(*) AS ${column(COUNT_COLUMN)}`,
    `FROM ${from}`,
    `WHERE ${conditions.join('\n  AND ')}`,
    `GROUP BY ${grouped}`,
  ].join('\n');
}
