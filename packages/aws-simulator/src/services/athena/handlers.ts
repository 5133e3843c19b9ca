import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, pageSizeOf, tokenField } from '../../protocol';
import { defineService } from '../defineService';
import {
  partitionRecords,
  SIMULATED_BYTES_PER_RECORD,
} from '../cloudTrail/handlers';
import {
  acceptFootprintQuery,
  cancelQueryRun,
  findQueryRun,
  phaseOf,
  pollQueryRun,
  SimulatedQueryRun,
} from '../cloudTrail/queryRuns';

/**
 * Glue database of the simulated organization trail table (in every
 * partition's Regions).
 *
 * @public
 */
export const SIMULATED_ATHENA_DATABASE = 'cloudtrail';

/**
 * Table over the organization trail's logs, as AWS's CloudTrail table
 * template defines it (lower-case columns, `eventtime` an ISO 8601 string).
 *
 * @public
 */
export const SIMULATED_ATHENA_TABLE = 'organization_trail';

/** Workgroups that exist; `primary` has no result location of its own. */
const WORKGROUPS = ['primary'];

const STATE = { FINISHED: 'SUCCEEDED' } as Record<string, string>;

function invalid(message: string): AwsFault {
  return new AwsFault(400, 'InvalidRequestException', message);
}

/** `"db"."table"`, `db.table` or `table` (in the context's database). */
function tableOf(from: string, database: string | undefined) {
  const parts = from.split('.').map(p => p.replace(/^"|"$/g, ''));
  return parts.length === 2
    ? { database: parts[0], table: parts[1] }
    : { database: database ?? 'default', table: parts[0] };
}

function runOf(org: SyntheticOrganization, id: unknown): SimulatedQueryRun {
  const run = findQueryRun(org, 'athena', id);
  if (!run) throw invalid(`QueryExecution ${String(id)} was not found`);
  return run;
}

/**
 * Amazon Athena (awsJson1_1, `AmazonAthena`): `StartQueryExecution`,
 * `StopQueryExecution`, `GetQueryExecution` and `GetQueryResults` (paged
 * with `NextToken`, the first row the column names, as Athena answers a
 * SELECT) over the table {@link SIMULATED_ATHENA_DATABASE}.
 * {@link SIMULATED_ATHENA_TABLE} of the caller's partition. Only the
 * footprint GROUP BY is evaluated; another statement is an
 * `InvalidRequestException`; another table fails the query with
 * `TABLE_NOT_FOUND`. A query reads QUEUED, RUNNING, then SUCCEEDED (or
 * FAILED) across `GetQueryExecution` calls.
 */
export const athenaService = defineService({
  signingName: 'athena',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonAthena',
  throttle: [400, 'TooManyRequestsException'],
  serverError: 'InternalServerException',
  operations: [
    {
      name: 'StartQueryExecution',
      respond: ({ org, req, input }) => {
        const workGroup = String(input.WorkGroup ?? 'primary');
        if (!WORKGROUPS.includes(workGroup)) {
          throw invalid(`WorkGroup ${workGroup} is not found.`);
        }
        const output = input.ResultConfiguration?.OutputLocation;
        if (typeof output !== 'string' || !output.startsWith('s3://')) {
          throw invalid(
            'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
          );
        }
        const context = input.QueryExecutionContext?.Database;
        const run = acceptFootprintQuery(
          org,
          'athena',
          String(input.QueryString ?? ''),
          invalid(
            'NOT_SUPPORTED: the simulator evaluates only SELECT eventtype, eventsource, eventname, recipientaccountid, awsregion, COUNT(*) ... GROUP BY those columns',
          ),
          query => {
            const { database, table } = tableOf(query.from, context);
            return database === SIMULATED_ATHENA_DATABASE &&
              table === SIMULATED_ATHENA_TABLE
              ? { records: partitionRecords(org, req.partition.id) }
              : {
                  records: [],
                  failure: `TABLE_NOT_FOUND: line 1:1: Table 'awsdatacatalog.${database}.${table}' does not exist`,
                };
          },
          { workGroup, output, database: context },
        );
        return { QueryExecutionId: run.id };
      },
    },
    {
      // Stopping a query that is already done changes nothing, as in Athena.
      name: 'StopQueryExecution',
      respond: ({ org, input }) => {
        cancelQueryRun(runOf(org, input.QueryExecutionId));
        return {};
      },
    },
    {
      name: 'GetQueryExecution',
      respond: ({ org, input }) => {
        const run = runOf(org, input.QueryExecutionId);
        const phase = pollQueryRun(run);
        const done = phase !== 'QUEUED' && phase !== 'RUNNING';
        return {
          QueryExecution: {
            QueryExecutionId: run.id,
            Query: run.sql,
            StatementType: 'DML',
            ResultConfiguration: {
              OutputLocation: `${run.context.output!.replace(/\/$/, '')}/${
                run.id
              }.csv`,
            },
            QueryExecutionContext: {
              Database: run.context.database,
              Catalog: 'awsdatacatalog',
            },
            Status: {
              State: STATE[phase] ?? phase,
              SubmissionDateTime: run.createdAt / 1000,
              ...(done ? { CompletionDateTime: run.createdAt / 1000 } : {}),
              ...(phase === 'FAILED'
                ? {
                    StateChangeReason: run.failure,
                    // Category 2 is USER, type 1000 "User error" in
                    // Athena's error catalog.
                    AthenaError: {
                      ErrorCategory: 2,
                      ErrorType: 1000,
                      Retryable: false,
                      ErrorMessage: run.failure,
                    },
                  }
                : {}),
            },
            Statistics: {
              DataScannedInBytes: done
                ? run.scanned * SIMULATED_BYTES_PER_RECORD
                : 0,
              EngineExecutionTimeInMillis: 0,
            },
            WorkGroup: run.context.workGroup,
          },
        };
      },
    },
    {
      name: 'GetQueryResults',
      respond: ({ org, input }) => {
        const run = runOf(org, input.QueryExecutionId);
        const maxResults = pageSizeOf(
          input.MaxResults,
          'MaxResults',
          1000,
          1000,
          'InvalidRequestException',
        );
        const phase = phaseOf(run);
        if (phase === 'FAILED' || phase === 'CANCELLED') {
          throw invalid(
            `Query did not finish successfully. Final query state: ${phase}`,
          );
        }
        if (phase !== 'FINISHED') {
          throw invalid(`Query has not yet finished. Current state: ${phase}`);
        }
        const page = pageOf(
          [run.columns, ...run.rows],
          input.NextToken,
          maxResults,
          `athena/${run.id}`,
          invalid('The NextToken is not valid'),
        );
        return {
          UpdateCount: 0,
          ResultSet: {
            Rows: page.slice.map(row => ({
              Data: row.map(value => ({ VarCharValue: value })),
            })),
            ResultSetMetadata: {
              ColumnInfo: run.columns.map((name, i) => ({
                CatalogName: 'hive',
                SchemaName: '',
                TableName: '',
                Name: name,
                Label: name,
                Type: i === run.columns.length - 1 ? 'bigint' : 'varchar',
                Precision: i === run.columns.length - 1 ? 19 : 2147483647,
                Scale: 0,
                Nullable: 'UNKNOWN',
                CaseSensitive: i !== run.columns.length - 1,
              })),
            },
          },
          ...tokenField('NextToken', page.next),
        };
      },
    },
  ],
});
