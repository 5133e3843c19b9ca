import {
  DescribeConfigurationAggregatorsCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelStatusCommand,
  ConfigServiceClient,
} from '@aws-sdk/client-config-service';
import {
  ListAppsCommand,
  ResiliencehubClient,
} from '@aws-sdk/client-resiliencehub';
import {
  GetEnabledStandardsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { setupServer } from 'msw/node';
import { FaultInjector } from '../faults';
import { createAwsSimulatorHandlers } from '../handlers';
import { createSyntheticOrganization } from '../organization';
import { serveDuringTests } from '../serveDuringTests';
import { clientOptions } from '../__testUtils__/simulatorTestServer';
import { testPartitions } from '../__testUtils__/partitions';

const org = createSyntheticOrganization(7, {
  partitions: testPartitions,
  accountsPerPartition: 2,
  findingsPerAccountRegion: 1,
  appsPerAccount: 8,
  coverageGaps: 'seeded',
});
const faults = new FaultInjector({});
serveDuringTests(
  setupServer(...createAwsSimulatorHandlers(org, faults)),
  faults,
);

const [covered, , uncovered, denied] = testPartitions[0].regions;
const account = org.accounts[0].id;
const client = <C>(Client: new (o: any) => C, region: string) =>
  new Client(clientOptions(region, account, { maxAttempts: 1 }));

describe('seeded governance coverage gaps', () => {
  it('seeds the last used Region of a partition denied and the one before it uncovered', () => {
    expect(org.coverageGaps.get('aws')).toEqual({
      uncovered: ['eu-central-1'],
      denied: ['ap-southeast-2'],
    });
    // One Region used: nothing to leave out.
    expect(org.coverageGaps.has('aws-eusc')).toBe(false);
  });

  it('answers GetEnabledStandards with READY standards where covered, not subscribed where not', async () => {
    const out = await client(SecurityHubClient, covered).send(
      new GetEnabledStandardsCommand({}),
    );
    expect(out.StandardsSubscriptions?.map(s => s.StandardsStatus)).toEqual([
      'READY',
      'READY',
    ]);
    expect(out.StandardsSubscriptions?.[0].StandardsArn).toBe(
      `arn:aws:securityhub:${covered}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    );
    await expect(
      client(SecurityHubClient, uncovered).send(
        new GetEnabledStandardsCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidAccessException',
      message: expect.stringMatching(/not subscribed to AWS Security Hub/),
    });
    await expect(
      client(SecurityHubClient, denied).send(
        new GetEnabledStandardsCommand({}),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('reports the Config recorder and delivery channel on where covered and stopped or failing where not', async () => {
    const recorder = async (region: string) =>
      (
        await client(ConfigServiceClient, region).send(
          new DescribeConfigurationRecorderStatusCommand({}),
        )
      ).ConfigurationRecordersStatus?.[0];
    const delivery = async (region: string) =>
      (
        await client(ConfigServiceClient, region).send(
          new DescribeDeliveryChannelStatusCommand({}),
        )
      ).DeliveryChannelsStatus?.[0];
    expect(await recorder(covered)).toMatchObject({
      recording: true,
      lastStatus: 'Success',
    });
    expect((await recorder(covered))?.lastStartTime).toBeInstanceOf(Date);
    expect(await recorder(uncovered)).toMatchObject({
      recording: false,
      lastStatus: 'Failure',
    });
    expect(
      (await delivery(covered))?.configHistoryDeliveryInfo?.lastStatus,
    ).toBe('Success');
    expect(
      (await delivery(uncovered))?.configHistoryDeliveryInfo?.lastStatus,
    ).toBe('Failure');
    await expect(recorder(denied)).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('leaves uncovered Regions out of the Config aggregator', async () => {
    const out = await client(ConfigServiceClient, covered).send(
      new DescribeConfigurationAggregatorsCommand({}),
    );
    expect(
      out.ConfigurationAggregators?.[0].OrganizationAggregationSource,
    ).toMatchObject({
      AllAwsRegions: false,
      AwsRegions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    });
  });

  it('lists no Resilience Hub application in an uncovered Region and refuses a denied one', async () => {
    const apps = async (region: string) =>
      (await client(ResiliencehubClient, region).send(new ListAppsCommand({})))
        .appSummaries;
    expect(await apps(uncovered)).toEqual([]);
    await expect(apps(denied)).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    const seeded = org.resilienceApps.filter(
      a => a.accountId === account && a.region === covered,
    );
    expect((await apps(covered))?.map(a => a.appArn)).toEqual(
      seeded.map(a => a.arn),
    );
  });
});
