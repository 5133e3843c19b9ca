import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { engineCall } from './engineAwsError';
import type { EngineFootprint } from './engineFootprint';
import {
  checkEngineScope,
  EngineFootprintFilters,
  footprintStatement,
} from './engineQuery';
import { EngineQueryError, engineInputError } from './EngineQueryError';
import { EngineRunOptions, runEngineQuery } from './runEngineQuery';

/**
 * Options of {@link athenaFootprint}.
 *
 * @public
 */
export interface AthenaFootprintOptions extends EngineRunOptions {
  /** An Athena client in the Region of the table and workgroup. */
  client: AthenaClient;
  /** Glue database of the CloudTrail table. */
  database: string;
  /** Table over the organization trail's logs (AWS's CloudTrail table definition). */
  table: string;
  /** Workgroup the query runs in; default `primary`. */
  workgroup?: string;
  /** Where Athena writes the result, `s3://bucket/prefix/`. */
  outputLocation: string;
  /** Start of the window (inclusive). */
  start: Date;
  /** End of the window (exclusive). */
  end: Date;
  /** Count only records of these accounts and Regions; absent: all records. */
  filters?: EngineFootprintFilters;
}

const GLUE_NAME = /^[a-z0-9_]{1,255}$/;
const WORKGROUP = /^[a-zA-Z0-9._-]{1,128}$/;
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/;
const ENGINE = 'Athena';

function checked(field: string, value: string, pattern: RegExp, what: string) {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw engineInputError(field, `must be ${what}`);
  }
  return value;
}

/** The FAILED state's cause: a missing table or database is an input error. */
function failureOf(
  id: string,
  reason: string | undefined,
  retryable: boolean | undefined,
): EngineQueryError {
  if (reason?.startsWith('TABLE_NOT_FOUND')) {
    return engineInputError('table', 'no such table in the database');
  }
  if (reason?.startsWith('SCHEMA_NOT_FOUND')) {
    return engineInputError('database', 'no such database in the catalog');
  }
  const code = /^([A-Z_]+):/.exec(reason ?? '')?.[1] ?? 'no reason given';
  return new EngineQueryError({
    field: 'query',
    reason: `${ENGINE} query ${id} FAILED (${code})${
      retryable ? '; Athena says a retry may succeed' : ''
    }`,
    problem: 'failed',
  });
}

/**
 * The footprint of the CloudTrail records in an Athena table (the
 * organization trail's logs in S3), aggregated by Athena: one GROUP BY
 * statement (`StartQueryExecution`), its state read with backoff for a
 * bounded time (`GetQueryExecution`), then every page of groups
 * (`GetQueryResults`, the first row being the column names). Mapped to
 * service codes exactly as the local reader maps CloudTrail files.
 *
 * @public
 */
export async function athenaFootprint(
  options: AthenaFootprintOptions,
): Promise<EngineFootprint> {
  const database = checked(
    'database',
    options.database,
    GLUE_NAME,
    'a Glue database name (lower-case letters, digits, _)',
  );
  const table = checked(
    'table',
    options.table,
    GLUE_NAME,
    'a Glue table name (lower-case letters, digits, _)',
  );
  const workgroup = checked(
    'workgroup',
    options.workgroup ?? 'primary',
    WORKGROUP,
    'a workgroup name (letters, digits, . _ -)',
  );
  const outputLocation = checked(
    'outputLocation',
    options.outputLocation,
    S3_URI,
    'an S3 URI such as s3://query-results-bucket/footprint/',
  );
  const scope = checkEngineScope(options.start, options.end, options.filters);
  const statement = footprintStatement(
    'athena',
    `"${database}"."${table}"`,
    scope,
  );
  const { client } = options;
  let first = true;
  return runEngineQuery(
    {
      engine: 'athena',
      name: ENGINE,
      statement,
      where: `athena:${database}.${table}`,
      start: async () => {
        const { QueryExecutionId } = await engineCall(
          ENGINE,
          'StartQueryExecution',
          () =>
            client.send(
              new StartQueryExecutionCommand({
                QueryString: statement,
                QueryExecutionContext: { Database: database },
                WorkGroup: workgroup,
                ResultConfiguration: { OutputLocation: outputLocation },
              }),
            ),
          {
            InvalidRequestException: [
              'workgroup',
              'Athena refused the query (InvalidRequestException): check that the workgroup exists and may write to the output location',
            ],
          },
        );
        return QueryExecutionId!;
      },
      read: async id => {
        const { QueryExecution } = await engineCall(
          ENGINE,
          'GetQueryExecution',
          () =>
            client.send(new GetQueryExecutionCommand({ QueryExecutionId: id })),
        );
        const status = QueryExecution?.Status;
        const state = status?.State ?? 'QUEUED';
        const bytesScanned = QueryExecution?.Statistics?.DataScannedInBytes;
        if (state === 'SUCCEEDED') return { done: true, bytesScanned };
        if (state === 'FAILED' || state === 'CANCELLED') {
          return {
            done: true,
            failure: failureOf(
              id,
              status?.StateChangeReason ?? state,
              status?.AthenaError?.Retryable,
            ),
          };
        }
        return { done: false, status: state, bytesScanned };
      },
      page: async (id, NextToken) => {
        const page = await engineCall(ENGINE, 'GetQueryResults', () =>
          client.send(
            new GetQueryResultsCommand({
              QueryExecutionId: id,
              NextToken,
              MaxResults: 1000,
            }),
          ),
        );
        const names = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map(
          c => c.Name ?? '',
        );
        // A SELECT's first result row holds the column names.
        const data = (page.ResultSet?.Rows ?? []).slice(first ? 1 : 0);
        first = false;
        return {
          rows: data.map(row =>
            Object.fromEntries(
              (row.Data ?? []).map((d, i) => [
                names[i] ?? String(i),
                d.VarCharValue,
              ]),
            ),
          ),
          next: page.NextToken,
        };
      },
      cancel: async id => {
        await client.send(
          new StopQueryExecutionCommand({ QueryExecutionId: id }),
        );
      },
    },
    options,
  );
}
