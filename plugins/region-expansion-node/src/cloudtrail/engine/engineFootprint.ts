import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import type { ServiceMapping } from '../../availability/serviceMapping';
import { FootprintBuilder } from '../../footprint/FootprintBuilder';
import {
  addCloudTrailEvents,
  countCloudTrailEventTypes,
  sortCloudTrailEvents,
} from '../cloudTrailEvents';
import { EngineQueryError, engineInputError } from './EngineQueryError';

/**
 * One result row of the footprint statement.
 *
 * @public
 */
export interface EngineFootprintRow {
  /** CloudTrail event type, e.g. `AwsApiCall` or `AwsServiceEvent`. */
  eventType: string;
  /** Service that emitted the events, e.g. `s3.amazonaws.com`. */
  eventSource: string;
  /** API action or event name, e.g. `PutObject`. */
  eventName: string;
  /** Recipient account id of the events; empty when the row has none. */
  account: string;
  /** AWS Region of the events; empty when the row has none. */
  region: string;
  /** Number of records in this group within the window. */
  count: number;
}

/**
 * What an engine-side footprint gives: the footprint and what the query
 * was.
 *
 * @public
 */
export interface EngineFootprint {
  /** The footprint built from the query's result rows. */
  footprint: Footprint;
  /** The query that was run: engine, id, SQL and what it read. */
  query: {
    engine: 'cloudtrail-lake' | 'athena';
    /** The engine's query id. */
    id: string;
    /** The SQL sent. */
    statement: string;
    /** Status reads until the query was done. */
    polls: number;
    /** Result rows (groups) read. */
    rows: number;
    /** Bytes the engine says it scanned, when it says. */
    bytesScanned?: number;
  };
}

/**
 * A result row from its column values (names in any case); a row the
 * statement cannot have produced fails the query, naming the row.
 */
export function engineRow(
  values: Record<string, string | undefined>,
  index: number,
): EngineFootprintRow {
  const lower = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const count = Number(lower.eventcount);
  const row = {
    eventType: lower.eventtype,
    eventSource: lower.eventsource,
    eventName: lower.eventname,
    account: lower.recipientaccountid ?? '',
    region: lower.awsregion ?? '',
    count,
  };
  if (
    !row.eventType ||
    !row.eventSource ||
    !row.eventName ||
    !Number.isSafeInteger(count) ||
    count < 0
  ) {
    throw new EngineQueryError({
      field: 'query',
      reason: `result row ${
        index + 1
      } is not an event count of the footprint statement`,
      problem: 'failed',
    });
  }
  return row as EngineFootprintRow;
}

/**
 * The footprint of engine result rows: the same mapping to service codes
 * as the local reader ({@link addCloudTrailEvents}), and a CloudTrail
 * summary (no files: the engine read them).
 */
export function footprintOfEngineRows(
  rows: readonly EngineFootprintRow[],
  where: string,
  mapping?: ServiceMapping,
): Footprint {
  const totals = new Map<string, number>();
  const accounts = new Set<string>();
  const regions = new Set<string>();
  let records = 0;
  for (const row of rows) {
    const key = `${row.eventType}\t${row.eventSource}\t${row.eventName}`;
    totals.set(key, (totals.get(key) ?? 0) + row.count);
    if (row.account) accounts.add(row.account);
    if (row.region) regions.add(row.region);
    records += row.count;
  }
  const events = sortCloudTrailEvents(
    [...totals].map(([key, count]) => {
      const [eventType, eventSource, eventName] = key.split('\t');
      return { eventType, eventSource, eventName, count };
    }),
  );
  const builder = new FootprintBuilder(mapping);
  addCloudTrailEvents(builder, events, where);
  builder.setCloudTrailSummary({
    files: 0,
    digestFilesSkipped: 0,
    records,
    ...countCloudTrailEventTypes(events),
    accounts: [...accounts].sort(),
    regions: [...regions].sort(),
  });
  return builder.build();
}

/**
 * Every result row of a finished query, page by page, up to `maxRows`
 * groups (more is an input error: the window or filters are too wide).
 */
export async function readEngineRows(
  readPage: (token: string | undefined) => Promise<{
    rows: Array<Record<string, string | undefined>>;
    next?: string;
  }>,
  maxRows: number = 1_000_000,
): Promise<EngineFootprintRow[]> {
  const rows: EngineFootprintRow[] = [];
  let token: string | undefined;
  do {
    const page = await readPage(token);
    for (const values of page.rows) rows.push(engineRow(values, rows.length));
    if (rows.length > maxRows) {
      throw engineInputError(
        'maxRows',
        `the query has more than ${maxRows} groups; narrow the window or the filters`,
      );
    }
    token = page.next;
  } while (token);
  return rows;
}
