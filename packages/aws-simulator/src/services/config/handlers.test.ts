import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConformancePacksCommand,
  DescribeConfigurationAggregatorsCommand,
  GetAggregateConformancePackComplianceSummaryCommand,
} from '@aws-sdk/client-config-service';
import { SIMULATED_CONFIG_AGGREGATOR_NAME } from './handlers';
import {
  aws,
  awsAccount,
  credentialsOf,
  ENDPOINT,
  faults,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';

useSimulatorTestServer();

describe('AWS Config aggregator (awsJson1_1)', () => {
  it('pages conformance pack compliance and summarizes by account', async () => {
    const client = new ConfigServiceClient({
      region: aws.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(awsAccount.id),
    });
    const all: any[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeAggregateComplianceByConformancePacksCommand({
          ConfigurationAggregatorName: 'org',
          Limit: 5,
          NextToken,
        }),
      );
      all.push(...page.AggregateComplianceByConformancePacks!);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(all).toHaveLength(
      org.conformancePacks.filter(p => p.partition === aws.id).length,
    );
    const summary = await client.send(
      new GetAggregateConformancePackComplianceSummaryCommand({
        ConfigurationAggregatorName: 'org',
        GroupByKey: 'ACCOUNT_ID',
      }),
    );
    expect(summary.AggregateConformancePackComplianceSummaries).toHaveLength(3);
  });

  it('describes the organization aggregator and rejects an unknown name', async () => {
    const client = new ConfigServiceClient({
      region: aws.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(awsAccount.id),
    });
    const out = await client.send(
      new DescribeConfigurationAggregatorsCommand({}),
    );
    expect(out.ConfigurationAggregators).toEqual([
      expect.objectContaining({
        ConfigurationAggregatorName: SIMULATED_CONFIG_AGGREGATOR_NAME,
        OrganizationAggregationSource: expect.objectContaining({
          AllAwsRegions: true,
        }),
        CreationTime: new Date(org.baseTime),
      }),
    ]);
    await expect(
      client.send(
        new DescribeConfigurationAggregatorsCommand({
          ConfigurationAggregatorNames: ['missing'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchConfigurationAggregatorException' });
  });

  it('throttles with an awsJson error', async () => {
    faults.faults.throttlePercent = 100;
    const client = new ConfigServiceClient({
      region: aws.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(awsAccount.id),
      maxAttempts: 1,
    });
    await expect(
      client.send(
        new DescribeAggregateComplianceByConformancePacksCommand({
          ConfigurationAggregatorName: 'org',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
