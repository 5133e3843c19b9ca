import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConformancePacksCommand,
  DescribeConfigurationAggregatorsCommand,
  GetAggregateConformancePackComplianceSummaryCommand,
} from '@aws-sdk/client-config-service';
import { SIMULATED_CONFIG_AGGREGATOR_NAME } from './handlers';
import {
  aws,
  allPages,
  awsAccount,
  faults,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

const configClient = (options: { maxAttempts?: number } = {}) =>
  sdkClient(ConfigServiceClient, aws.homeRegion, awsAccount.id, options);

describe('AWS Config aggregator (awsJson1_1)', () => {
  it('pages conformance pack compliance and summarizes by account', async () => {
    const client = configClient();
    const pages = await allPages(
      NextToken =>
        client.send(
          new DescribeAggregateComplianceByConformancePacksCommand({
            ConfigurationAggregatorName: 'org',
            Limit: 5,
            NextToken,
          }),
        ),
      page => page.NextToken,
    );
    expect(
      pages.flatMap(page => page.AggregateComplianceByConformancePacks!),
    ).toHaveLength(
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
    const client = configClient();
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
    const client = configClient({ maxAttempts: 1 });
    await expect(
      client.send(
        new DescribeAggregateComplianceByConformancePacksCommand({
          ConfigurationAggregatorName: 'org',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
