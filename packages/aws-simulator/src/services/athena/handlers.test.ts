import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import {
  allPages,
  aws,
  awsAccount,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import { partitionRecords } from '../cloudTrail/handlers';
import { SIMULATED_ATHENA_DATABASE, SIMULATED_ATHENA_TABLE } from './handlers';

useSimulatorTestServer();

const client = sdkClient(AthenaClient, aws.homeRegion, awsAccount.id);
const start = (table: string, QueryString?: string) =>
  client.send(
    new StartQueryExecutionCommand({
      QueryString:
        QueryString ??
        `SELECT eventtype, eventsource, eventname, recipientaccountid, awsregion, COUNT(*) AS eventcount FROM "${SIMULATED_ATHENA_DATABASE}"."${table}" GROUP BY eventtype, eventsource, eventname, recipientaccountid, awsregion`,
      WorkGroup: 'primary',
      ResultConfiguration: { OutputLocation: 's3://results/footprint/' },
    }),
  );
const states = async (QueryExecutionId: string) => {
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const { QueryExecution } = await client.send(
      new GetQueryExecutionCommand({ QueryExecutionId }),
    );
    seen.push(QueryExecution!.Status!.State);
  }
  return seen;
};

describe('Athena (awsJson1_1)', () => {
  it('runs the footprint GROUP BY: QUEUED, RUNNING, SUCCEEDED, then a header row and every group in pages', async () => {
    const { QueryExecutionId } = await start(SIMULATED_ATHENA_TABLE);
    await expect(
      client.send(new GetQueryResultsCommand({ QueryExecutionId })),
    ).rejects.toThrow(/Query has not yet finished. Current state: QUEUED/);
    expect(await states(QueryExecutionId!)).toEqual([
      'QUEUED',
      'RUNNING',
      'SUCCEEDED',
    ]);
    const pages = await allPages(
      NextToken =>
        client.send(
          new GetQueryResultsCommand({
            QueryExecutionId,
            NextToken,
            MaxResults: 9,
          }),
        ),
      page => page.NextToken,
    );
    const [header, ...rows] = pages.flatMap(p => p.ResultSet!.Rows!);
    expect(header.Data!.map(d => d.VarCharValue)).toEqual([
      'eventtype',
      'eventsource',
      'eventname',
      'recipientaccountid',
      'awsregion',
      'eventcount',
    ]);
    expect(
      rows.reduce((sum, row) => sum + Number(row.Data![5].VarCharValue), 0),
    ).toBe(partitionRecords(org, aws.id).length);
  });

  it('fails a query over a table that does not exist with TABLE_NOT_FOUND', async () => {
    const { QueryExecutionId } = await start('no_such_table');
    expect(await states(QueryExecutionId!)).toEqual([
      'QUEUED',
      'RUNNING',
      'FAILED',
    ]);
    const { QueryExecution } = await client.send(
      new GetQueryExecutionCommand({ QueryExecutionId }),
    );
    expect(QueryExecution!.Status).toMatchObject({
      StateChangeReason: expect.stringMatching(/^TABLE_NOT_FOUND: /),
      AthenaError: { ErrorCategory: 2, Retryable: false },
    });
  });

  it('refuses another statement with InvalidRequestException', async () => {
    await expect(
      start(SIMULATED_ATHENA_TABLE, 'DROP TABLE x'),
    ).rejects.toMatchObject({
      name: 'InvalidRequestException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
