import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, pageSizeOf, tokenField } from '../../protocol';
import { uuidFrom } from '../../random';
import { defineService } from '../defineService';
import {
  acceptFootprintQuery,
  cancelQueryRun,
  findQueryRun,
  phaseOf,
  pollQueryRun,
  SimulatedQueryRun,
} from './queryRuns';
import { simulatedCloudTrailRecords } from './records';

/**
 * Bytes a CloudTrail record takes in a scan (a typical management event is
 * about 1.5 KB of JSON); the simulated engines report bytes scanned with it.
 */
export const SIMULATED_BYTES_PER_RECORD = 1500;

/**
 * A simulated CloudTrail Lake event data store: one organization store per
 * partition, in its home Region, owned by the partition's first account.
 *
 * @public
 */
export interface SimulatedEventDataStore {
  /** Id of the store (a UUID drawn from the seed); the `FROM` of a query. */
  id: string;
  /** ARN of the store, in the partition's home Region and the owner's account. */
  arn: string;
  /** Id of the partition whose records the store holds, e.g. `aws-eusc`. */
  partition: string;
  /** Region the store lives in (the partition's home Region); queries are served only there. */
  region: string;
  /** Id of the account that owns the store (the partition's first account). */
  owner: string;
}

/**
 * The organization's event data stores, one per partition, each holding
 * the trail records of every account and Region of its partition.
 *
 * @public
 */
export function simulatedEventDataStores(
  org: SyntheticOrganization,
): SimulatedEventDataStore[] {
  return org.partitions.map((p, i) => {
    const owner = org.accounts.find(a => a.partition === p.id)!.id;
    const id = uuidFrom(org.seed, i, 23);
    return {
      id,
      arn: `arn:${p.id}:cloudtrail:${p.homeRegion}:${owner}:eventdatastore/${id}`,
      partition: p.id,
      region: p.homeRegion,
      owner,
    };
  });
}

/** The records of a partition, as its organization store or table holds them. */
export function partitionRecords(
  org: SyntheticOrganization,
  partition: string,
) {
  const accounts = new Set(
    org.accounts.filter(a => a.partition === partition).map(a => a.id),
  );
  return simulatedCloudTrailRecords(org).filter(r => accounts.has(r.account));
}

function runOf(org: SyntheticOrganization, input: any): SimulatedQueryRun {
  const run = findQueryRun(org, 'lake', input.QueryId);
  if (!run) {
    throw new AwsFault(
      400,
      'QueryIdNotFoundException',
      'The query ID does not exist or does not map to a query.',
    );
  }
  return run;
}

function statisticsOf(run: SimulatedQueryRun) {
  return {
    EventsMatched: run.matched,
    EventsScanned: run.scanned,
    BytesScanned: run.scanned * SIMULATED_BYTES_PER_RECORD,
    ExecutionTimeInMillis: 0,
    CreationTime: run.createdAt / 1000,
  };
}

/**
 * CloudTrail Lake (awsJson1_1, `CloudTrail_20131101`): `StartQuery`,
 * `CancelQuery`, `DescribeQuery` and `GetQueryResults` (paged with
 * `NextToken`) over the organization's event data stores. Only the footprint GROUP BY is
 * evaluated; any other statement is an `InvalidQueryStatementException`.
 * A query reads QUEUED, then RUNNING, then FINISHED across status reads.
 */
export const cloudTrailService = defineService({
  signingName: 'cloudtrail',
  protocol: 'awsJson1_1',
  targetPrefix: 'CloudTrail_20131101',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalFailure',
  operations: [
    {
      name: 'StartQuery',
      respond: ({ org, req, input }) => {
        const run = acceptFootprintQuery(
          org,
          'lake',
          String(input.QueryStatement ?? ''),
          new AwsFault(
            400,
            'InvalidQueryStatementException',
            'The query statement is not valid: the simulator evaluates only SELECT eventType, eventSource, eventName, recipientAccountId, awsRegion, COUNT(*) ... GROUP BY those columns',
          ),
          query => {
            const store = simulatedEventDataStores(org).find(
              s => s.id === query.from && s.region === req.region,
            );
            if (!store) {
              throw new AwsFault(
                400,
                'EventDataStoreNotFoundException',
                `The specified event data store ${query.from} was not found.`,
              );
            }
            return { records: partitionRecords(org, store.partition) };
          },
          { DeliveryS3Uri: input.DeliveryS3Uri },
        );
        return { QueryId: run.id };
      },
    },
    {
      name: 'CancelQuery',
      respond: ({ org, input }) => {
        const run = runOf(org, input);
        if (!cancelQueryRun(run)) {
          throw new AwsFault(
            400,
            'InactiveQueryException',
            'The specified query cannot be canceled because it is in the FINISHED, FAILED, TIMED_OUT, or CANCELLED state.',
          );
        }
        return { QueryId: run.id, QueryStatus: 'CANCELLED' };
      },
    },
    {
      name: 'DescribeQuery',
      respond: ({ org, input }) => {
        const run = runOf(org, input);
        return {
          QueryId: run.id,
          QueryString: run.sql,
          QueryStatus: pollQueryRun(run),
          QueryStatistics: statisticsOf(run),
          ...tokenField('DeliveryS3Uri', run.context.DeliveryS3Uri),
          ...tokenField('ErrorMessage', run.failure),
        };
      },
    },
    {
      name: 'GetQueryResults',
      respond: ({ org, input }) => {
        const run = runOf(org, input);
        const maxResults = pageSizeOf(
          input.MaxQueryResults,
          'MaxQueryResults',
          1000,
          1000,
          'InvalidParameterException',
        );
        // A page after the first is read only once the query finished.
        const status = input.NextToken ? phaseOf(run) : pollQueryRun(run);
        const statistics = {
          ResultsCount: 0,
          TotalResultsCount: run.rows.length,
          BytesScanned: run.scanned * SIMULATED_BYTES_PER_RECORD,
        };
        if (status !== 'FINISHED') {
          return {
            QueryStatus: status,
            QueryStatistics: statistics,
            ...tokenField(
              'ErrorMessage',
              status === 'FAILED' ? run.failure : undefined,
            ),
          };
        }
        const page = pageOf(
          run.rows,
          input.NextToken,
          maxResults,
          `lake/${run.id}`,
          new AwsFault(
            400,
            'InvalidNextTokenException',
            'The NextToken is not valid',
          ),
        );
        return {
          QueryStatus: status,
          QueryStatistics: { ...statistics, ResultsCount: page.slice.length },
          QueryResultRows: page.slice.map(row =>
            row.map((value, i) => ({ [run.columns[i]]: value })),
          ),
          ...tokenField('NextToken', page.next),
        };
      },
    },
  ],
});
