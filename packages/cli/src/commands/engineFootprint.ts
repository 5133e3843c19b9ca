import {
  athenaFootprint,
  cloudTrailLakeFootprint,
  createAthenaClient,
  createCloudTrailLakeClient,
  EngineFootprint,
  EngineQueryError,
  EVENT_DATA_STORE_ARN,
} from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';
import { formatFootprint } from './footprint';

/** Where `footprint` reads CloudTrail: files, or an engine that aggregates it. */
export const FOOTPRINT_SOURCES = [
  'files',
  'cloudtrail-lake',
  'athena',
] as const;

/** Options of `footprint --source cloudtrail-lake|athena`, as commander parses them. */
export interface EngineFootprintCommandOptions {
  source: (typeof FOOTPRINT_SOURCES)[number];
  eventDataStore?: string;
  database?: string;
  table?: string;
  workgroup?: string;
  outputLocation?: string;
  queryRegion?: string;
  endpoint?: string;
  start?: string;
  end?: string;
  maxWait?: string;
  account?: string;
  region?: string;
  principal?: string;
}

/** The flag of each option an engine error can name. */
const FLAGS: Record<string, string> = {
  eventDataStore: '--event-data-store',
  database: '--database',
  table: '--table',
  workgroup: '--workgroup',
  outputLocation: '--output-location',
  start: '--start',
  end: '--end',
  maxWaitMs: '--max-wait',
  maxRows: '--start/--end',
  'filters.accounts': '--account',
  'filters.regions': '--region',
};

/** Default window: the last 90 days. */
const DEFAULT_DAYS = 90;

function dateOf(flag: string, value: string | undefined, fallback: Date) {
  if (value === undefined) return fallback;
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z)?$/.test(
    value,
  )
    ? new Date(value)
    : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new CliInputError(
      `${flag}: must be a UTC date such as 2026-11-01 or 2026-11-01T00:00:00Z`,
    );
  }
  return date;
}

function required(flag: string, value: string | undefined, source: string) {
  if (!value) {
    throw new CliInputError(`${flag}: required with --source ${source}`);
  }
  return value;
}

function endpointOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new CliInputError(
      '--endpoint: must be an http(s) URL such as http://127.0.0.1:4566',
    );
  }
  return value;
}

/**
 * Runs the footprint query on CloudTrail Lake or Athena. Input problems,
 * the CLI's or the engine's, are a {@link CliInputError} naming the flag
 * (exit 2); a query that fails, times out or stays throttled is an
 * {@link EngineQueryError} the command reports with exit 3.
 */
export async function footprintFromEngine(
  paths: string[],
  options: EngineFootprintCommandOptions,
  now: () => Date = () => new Date(),
): Promise<EngineFootprint> {
  const { source } = options;
  if (paths.length) {
    throw new CliInputError(
      `paths: not read with --source ${source} (the engine reads the logs)`,
    );
  }
  if (options.principal !== undefined) {
    throw new CliInputError(
      `--principal: only with --source files (the engine query groups by account and Region)`,
    );
  }
  const end = dateOf('--end', options.end, now());
  const start = dateOf(
    '--start',
    options.start,
    new Date(end.getTime() - DEFAULT_DAYS * 86_400_000),
  );
  const maxWait = options.maxWait === undefined ? 600 : Number(options.maxWait);
  if (!Number.isInteger(maxWait) || maxWait < 1 || maxWait > 86_400) {
    throw new CliInputError(
      '--max-wait: must be a whole number of seconds from 1 to 86400',
    );
  }
  const common = {
    start,
    end,
    maxWaitMs: maxWait * 1000,
    filters: {
      ...(options.account ? { accounts: [options.account] } : {}),
      ...(options.region ? { regions: [options.region] } : {}),
    },
  };
  const endpoint = endpointOf(options.endpoint);
  try {
    if (source === 'cloudtrail-lake') {
      const arn = required(
        '--event-data-store',
        options.eventDataStore,
        source,
      );
      const region = EVENT_DATA_STORE_ARN.exec(arn)?.[1];
      if (!region) {
        throw new CliInputError(
          '--event-data-store: must be an event data store ARN such as arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE',
        );
      }
      return await cloudTrailLakeFootprint({
        client: createCloudTrailLakeClient({ region, endpoint }),
        eventDataStore: arn,
        ...common,
      });
    }
    const region =
      options.queryRegion ??
      process.env.AWS_REGION ??
      process.env.AWS_DEFAULT_REGION;
    if (!region || !/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/.test(region)) {
      throw new CliInputError(
        '--query-region: required with --source athena (or AWS_REGION): the Region of the workgroup, e.g. eu-west-2',
      );
    }
    return await athenaFootprint({
      client: createAthenaClient({ region, endpoint }),
      database: required('--database', options.database, source),
      table: required('--table', options.table, source),
      workgroup: options.workgroup,
      outputLocation: required(
        '--output-location',
        options.outputLocation,
        source,
      ),
      ...common,
    });
  } catch (error) {
    if (error instanceof EngineQueryError && error.problem === 'input') {
      throw new CliInputError(
        `${FLAGS[error.field] ?? error.field}: ${error.reason}`,
      );
    }
    throw error;
  }
}

/** Human-readable engine footprint: what was queried, then the footprint. */
export function formatEngineFootprint(result: EngineFootprint): string {
  const { query } = result;
  const scanned =
    query.bytesScanned !== undefined
      ? `, ${query.bytesScanned} bytes scanned`
      : '';
  return [
    `query ${query.engine} ${query.id}: ${query.rows} groups after ${query.polls} status reads${scanned}`,
    formatFootprint(result.footprint, []),
  ].join('\n');
}
