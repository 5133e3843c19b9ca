import {
  CancelQueryCommand,
  type CloudTrailClient,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
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
 * Options of {@link cloudTrailLakeFootprint}.
 *
 * @public
 */
export interface CloudTrailLakeFootprintOptions extends EngineRunOptions {
  /** A CloudTrail client in the event data store's Region. */
  client: CloudTrailClient;
  /** ARN of the event data store, e.g. an organization store of management events. */
  eventDataStore: string;
  /** Start of the window (inclusive). */
  start: Date;
  /** End of the window (exclusive). */
  end: Date;
  /** Count only records of these accounts and Regions; absent: all records. */
  filters?: EngineFootprintFilters;
}

/**
 * A CloudTrail Lake event data store ARN; captures its Region and id.
 *
 * @public
 */
export const EVENT_DATA_STORE_ARN =
  /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):\d{12}:eventdatastore\/([A-Za-z0-9-]{1,64})$/;
const ENGINE = 'CloudTrail Lake';

/**
 * The footprint of the events in a CloudTrail Lake event data store,
 * aggregated by Lake: one GROUP BY statement (`StartQuery`), its status
 * read with backoff for a bounded time (`DescribeQuery`), then every page
 * of groups (`GetQueryResults`). Mapped to service codes exactly as the
 * local reader maps CloudTrail files.
 *
 * @public
 */
export async function cloudTrailLakeFootprint(
  options: CloudTrailLakeFootprintOptions,
): Promise<EngineFootprint> {
  const arn = EVENT_DATA_STORE_ARN.exec(options.eventDataStore ?? '');
  if (!arn) {
    throw engineInputError(
      'eventDataStore',
      'must be an event data store ARN such as arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE',
    );
  }
  const scope = checkEngineScope(options.start, options.end, options.filters);
  const statement = footprintStatement('cloudtrail-lake', arn[2], scope);
  const { client } = options;
  return runEngineQuery(
    {
      engine: 'cloudtrail-lake',
      name: ENGINE,
      statement,
      where: `cloudtrail-lake:${options.eventDataStore}`,
      start: async () => {
        const { QueryId } = await engineCall(
          ENGINE,
          'StartQuery',
          () =>
            client.send(new StartQueryCommand({ QueryStatement: statement })),
          {
            EventDataStoreNotFoundException: [
              'eventDataStore',
              'no such event data store in this account and Region',
            ],
            InactiveEventDataStoreException: [
              'eventDataStore',
              'the event data store is not enabled',
            ],
          },
        );
        return QueryId!;
      },
      read: async id => {
        const described = await engineCall(ENGINE, 'DescribeQuery', () =>
          client.send(new DescribeQueryCommand({ QueryId: id })),
        );
        const status = described.QueryStatus ?? 'QUEUED';
        const bytesScanned = described.QueryStatistics?.BytesScanned;
        if (status === 'FINISHED') return { done: true, bytesScanned };
        if (['FAILED', 'CANCELLED', 'TIMED_OUT'].includes(status)) {
          return {
            done: true,
            failure: new EngineQueryError({
              field: 'query',
              reason: `${ENGINE} query ${id} ended ${status}`,
              problem: status === 'TIMED_OUT' ? 'timeout' : 'failed',
            }),
          };
        }
        return { done: false, status, bytesScanned };
      },
      page: async (id, NextToken) => {
        const page = await engineCall(ENGINE, 'GetQueryResults', () =>
          client.send(
            new GetQueryResultsCommand({
              QueryId: id,
              NextToken,
              MaxQueryResults: 1000,
            }),
          ),
        );
        return {
          // Lake gives each row as a list of one-column objects.
          rows: (page.QueryResultRows ?? []).map(row =>
            Object.assign({}, ...row),
          ),
          next: page.NextToken,
        };
      },
      cancel: async id => {
        await client.send(new CancelQueryCommand({ QueryId: id }));
      },
    },
    options,
  );
}
