import {
  CancelQueryCommand,
  CloudTrailClient,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  allPages,
  aws,
  awsAccount,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import { partitionRecords, simulatedEventDataStores } from './handlers';
import { simulatedCloudTrailRecords } from './records';

useSimulatorTestServer();

const store = simulatedEventDataStores(org).find(s => s.partition === aws.id)!;
const client = sdkClient(CloudTrailClient, store.region, awsAccount.id);
const footprintSql = (from: string, where = '') =>
  `SELECT eventType, eventSource, eventName, recipientAccountId, awsRegion, COUNT(*) AS eventCount
   FROM ${from} ${where}
   GROUP BY eventType, eventSource, eventName, recipientAccountId, awsRegion`;

describe('CloudTrail Lake (awsJson1_1)', () => {
  it('runs the footprint GROUP BY: QUEUED, RUNNING, FINISHED, then every group in pages', async () => {
    const { QueryId } = await client.send(
      new StartQueryCommand({ QueryStatement: footprintSql(store.id) }),
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const described = await client.send(
        new DescribeQueryCommand({ QueryId }),
      );
      statuses.push(described.QueryStatus);
    }
    expect(statuses).toEqual(['QUEUED', 'RUNNING', 'FINISHED']);
    const pages = await allPages(
      NextToken =>
        client.send(
          new GetQueryResultsCommand({
            QueryId,
            NextToken,
            MaxQueryResults: 7,
          }),
        ),
      page => page.NextToken,
    );
    expect(pages.length).toBeGreaterThan(1);
    const rows = pages.flatMap(p => p.QueryResultRows!);
    const total = rows.reduce((sum, row) => sum + Number(row[5].eventCount), 0);
    expect(total).toBe(partitionRecords(org, aws.id).length);
    expect(Object.keys(rows[0][0])).toEqual(['eventType']);
  });

  it('applies the time window, account and Region conditions', async () => {
    const account = awsAccount.id;
    const region = aws.regions[1];
    const start = org.baseTime - 10 * 86_400_000;
    const at = (ms: number) =>
      new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
    const { QueryId } = await client.send(
      new StartQueryCommand({
        QueryStatement: footprintSql(
          store.id,
          `WHERE eventTime >= '${at(start)}' AND eventTime < '${at(
            org.baseTime,
          )}' AND recipientAccountId IN ('${account}') AND awsRegion IN ('${region}')`,
        ),
      }),
    );
    let page;
    do {
      page = await client.send(new GetQueryResultsCommand({ QueryId }));
    } while (page.QueryStatus !== 'FINISHED');
    const expected = simulatedCloudTrailRecords(org).filter(
      r =>
        r.account === account &&
        r.region === region &&
        r.eventTime >= start &&
        r.eventTime < org.baseTime,
    ).length;
    const counted = page.QueryResultRows!.reduce(
      (sum, row) => sum + Number(row[5].eventCount),
      0,
    );
    expect(expected).toBeGreaterThan(0);
    expect(counted).toBe(expected);
  });

  it('cancels a query that is not done, and refuses to cancel it again', async () => {
    const { QueryId } = await client.send(
      new StartQueryCommand({ QueryStatement: footprintSql(store.id) }),
    );
    await expect(
      client.send(new CancelQueryCommand({ QueryId })),
    ).resolves.toMatchObject({ QueryStatus: 'CANCELLED' });
    await expect(
      client.send(new DescribeQueryCommand({ QueryId })),
    ).resolves.toMatchObject({ QueryStatus: 'CANCELLED' });
    await expect(
      client.send(new CancelQueryCommand({ QueryId })),
    ).rejects.toMatchObject({ name: 'InactiveQueryException' });
  });

  it.each([
    ['another statement', 'SELECT * FROM x', 'InvalidQueryStatementException'],
    [
      'an unknown event data store',
      footprintSql('00000000-0000-4000-a000-000000000000'),
      'EventDataStoreNotFoundException',
    ],
  ])('refuses %s', async (_name, QueryStatement, error) => {
    await expect(
      client.send(new StartQueryCommand({ QueryStatement })),
    ).rejects.toMatchObject({
      name: error,
      $metadata: { httpStatusCode: 400 },
    });
  });
});
