import {
  AuditManagerClient,
  GetAccountStatusCommand,
  GetEvidenceFoldersByAssessmentCommand,
  GetAssessmentCommand,
  ListAssessmentsCommand,
} from '@aws-sdk/client-auditmanager';
import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConformancePacksCommand,
  DescribeConfigurationAggregatorsCommand,
  GetAggregateConformancePackComplianceSummaryCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeAppAssessmentCommand,
  ListAppAssessmentsCommand,
  ListAppsCommand,
  ResiliencehubClient,
} from '@aws-sdk/client-resiliencehub';
import {
  GetAggregatorV2Command,
  GetFindingAggregatorCommand,
  GetFindingsCommand,
  GetFindingsV2Command,
  ListAggregatorsV2Command,
  ListFindingAggregatorsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { quietFaults } from './testing';
import { FaultInjector } from './faults';
import { createAwsSimulatorHandlers } from './handlers';
import { createSyntheticOrganization } from './organization';
import { accessKeyIdFor } from './protocol';
import { SIMULATED_CONFIG_AGGREGATOR_NAME } from './services/jsonServices';
import { testPartitions } from './__testUtils__/partitions';
import { startAwsSimulator } from './server';

const org = createSyntheticOrganization(42, {
  partitions: testPartitions,
  accountsPerPartition: 3,
  regionsPerPartition: 3,
  findingsPerAccountRegion: 40,
});
const faults = new FaultInjector({});
const server = setupServer(
  ...createAwsSimulatorHandlers(org, faults, {
    globalInfrastructure: {
      regions: testPartitions.flatMap(p =>
        p.regions.map(id => ({
          id,
          partition: p.id,
          longName: `Region ${id}`,
        })),
      ),
      services: [
        { code: 's3', regions: testPartitions.flatMap(p => p.regions) },
        { code: 'kms', regions: testPartitions.flatMap(p => p.regions) },
        { code: 'bedrock', regions: [testPartitions[0].regions[1]] },
      ],
    },
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  Object.assign(faults.faults, quietFaults());
});

const [aws, eusc] = testPartitions;
const ENDPOINT = 'http://aws-simulator.test';
const credentialsOf = (accountId: string) => ({
  accessKeyId: accessKeyIdFor(accountId),
  secretAccessKey: 'x',
  sessionToken: 'y',
});
const awsAccount = org.accounts.find(a => a.partition === aws.id)!;
const euscAccount = org.accounts.find(a => a.partition === eusc.id)!;

function securityHub(
  region: string,
  options: { endpoint?: string; maxAttempts?: number } = {},
) {
  return new SecurityHubClient({
    region,
    credentials: credentialsOf(awsAccount.id),
    maxAttempts: 1,
    ...options,
  });
}

async function allFindings(client: SecurityHubClient, Filters: any) {
  const out: any[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(
      new GetFindingsCommand({ Filters, MaxResults: 25, NextToken }),
    );
    out.push(...(page.Findings ?? []));
    NextToken = page.NextToken;
    pages += 1;
  } while (NextToken);
  return { findings: out, pages };
}

describe('Security Hub finding aggregators (restJson1)', () => {
  it('links every Region of a partition but its last unused one by default', async () => {
    const client = securityHub(aws.homeRegion, { endpoint: ENDPOINT });
    const list = await client.send(new ListFindingAggregatorsCommand({}));
    expect(list.FindingAggregators).toHaveLength(1);
    const arn = list.FindingAggregators![0].FindingAggregatorArn!;
    expect(arn).toMatch(
      new RegExp(
        `^arn:aws:securityhub:us-east-1:${awsAccount.id}:finding-aggregator/[0-9a-f-]{36}$`,
      ),
    );
    const aggregator = await client.send(
      new GetFindingAggregatorCommand({ FindingAggregatorArn: arn }),
    );
    // The organization uses 3 of the 4 Regions: ap-southeast-2 is left out.
    expect(aggregator).toMatchObject({
      FindingAggregatorArn: arn,
      FindingAggregationRegion: 'us-east-1',
      RegionLinkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED',
      Regions: ['ap-southeast-2'],
    });
    await expect(
      client.send(
        new GetFindingAggregatorCommand({
          FindingAggregatorArn: arn.replace(awsAccount.id, '999999999999'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('lists the linked Regions through the new Security Hub aggregator APIs', async () => {
    const client = securityHub(aws.homeRegion, { endpoint: ENDPOINT });
    const list = await client.send(new ListAggregatorsV2Command({}));
    const arn = list.AggregatorsV2![0].AggregatorV2Arn!;
    expect(arn).toMatch(/:aggregatorv2\//);
    expect(
      await client.send(new GetAggregatorV2Command({ AggregatorV2Arn: arn })),
    ).toMatchObject({
      AggregationRegion: 'us-east-1',
      RegionLinkingMode: 'SPECIFIED_REGIONS',
      LinkedRegions: ['eu-west-1', 'eu-central-1'],
    });
  });

  it('shows in the aggregation Region only the findings of linked Regions', async () => {
    const partitions = [
      { ...aws, regions: ['us-east-1', 'eu-west-1', 'eu-central-1'] },
    ];
    const size = {
      partitions,
      accountsPerPartition: 1,
      findingsPerAccountRegion: 5,
    };
    const linked = createSyntheticOrganization(5, {
      ...size,
      findingAggregation: {
        aws: { linkingMode: 'SPECIFIED_REGIONS', regions: ['eu-west-1'] },
      },
    });
    expect([...linked.unlinkedRegionsOf('aws')]).toEqual(['eu-central-1']);
    const none = createSyntheticOrganization(5, {
      ...size,
      findingAggregation: { aws: null },
    });
    expect(none.findingAggregatorOf('aws')).toBeUndefined();
    expect([...none.unlinkedRegionsOf('aws')]).toEqual([
      'eu-west-1',
      'eu-central-1',
    ]);
    server.use(...createAwsSimulatorHandlers(linked));
    try {
      const client = new SecurityHubClient({
        region: 'us-east-1',
        endpoint: ENDPOINT,
        credentials: credentialsOf(linked.accounts[0].id),
        maxAttempts: 1,
      });
      const { findings } = await allFindings(client, {});
      expect(new Set(findings.map(f => f.Region))).toEqual(
        new Set(['us-east-1', 'eu-west-1']),
      );
      expect(findings).toHaveLength(10);
      // Read in eu-central-1 itself, its findings are there.
      const local = await allFindings(
        new SecurityHubClient({
          region: 'eu-central-1',
          endpoint: ENDPOINT,
          credentials: credentialsOf(linked.accounts[0].id),
          maxAttempts: 1,
        }),
        {},
      );
      expect(local.findings).toHaveLength(5);
    } finally {
      server.resetHandlers();
    }
  });
});

describe('Security Hub GetFindings (restJson1)', () => {
  it('pages through every finding of an account from the home Region, with ISO dates', async () => {
    const { findings, pages } = await allFindings(
      securityHub(aws.homeRegion, { endpoint: ENDPOINT }),
      {
        AwsAccountId: [{ Value: awsAccount.id, Comparison: 'EQUALS' }],
      },
    );
    expect(findings).toHaveLength(3 * 40);
    expect(pages).toBe(5);
    expect(new Set(findings.map(f => f.Id)).size).toBe(findings.length);
    expect(new Set(findings.map(f => f.Region)).size).toBe(3);
    expect(findings[0].UpdatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(findings[0].Id).toMatch(new RegExp(`^arn:${aws.id}:securityhub:`));
    expect(findings[0].Compliance?.SecurityControlId).toBeDefined();
  });

  it('answers on the real host name too, and a member Region sees only its own findings', async () => {
    const region = aws.regions[1];
    const { findings } = await allFindings(securityHub(region), {
      AwsAccountId: [{ Value: awsAccount.id, Comparison: 'EQUALS' }],
    });
    expect(findings).toHaveLength(40);
    expect(findings.every(f => f.Region === region)).toBe(true);
  });

  it('filters on UpdatedAt and returns only what advance() changed', async () => {
    const client = securityHub(aws.homeRegion, { endpoint: ENDPOINT });
    const before = org.clock;
    const changed = org.advance(1, before + 60_000);
    const { findings } = await allFindings(client, {
      UpdatedAt: [{ Start: new Date(before + 1).toISOString() }],
    });
    const expected = changed
      .map(i => org.finding(i))
      .filter(f => f.partition === aws.id);
    expect(findings.map(f => f.Id).sort()).toEqual(
      expected.map(f => f.id).sort(),
    );
  });

  it('rejects MaxResults above 100 and a foreign NextToken with InvalidInputException', async () => {
    const client = securityHub(aws.homeRegion, { endpoint: ENDPOINT });
    await expect(
      client.send(new GetFindingsCommand({ MaxResults: 101 })),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      client.send(new GetFindingsCommand({ NextToken: 'bogus' })),
    ).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it.each([
    ['throttlePercent', 'TooManyRequestsException', 429],
    ['serverErrorPercent', 'InternalException', 500],
  ])('%s = 100 answers %s', async (knob, name, status) => {
    Object.assign(faults.faults, { [knob]: 100 });
    await expect(
      securityHub(aws.homeRegion, { endpoint: ENDPOINT }).send(
        new GetFindingsCommand({}),
      ),
    ).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it('a malformed body fails deserialization', async () => {
    faults.faults.malformedPercent = 100;
    await expect(
      securityHub(aws.homeRegion, { endpoint: ENDPOINT }).send(
        new GetFindingsCommand({}),
      ),
    ).rejects.toThrow();
  });

  it('denies an AccessDenied account as caller or as filter, naming the caller role as IAM does', async () => {
    faults.faults.accessDeniedAccounts = [awsAccount.id];
    await expect(
      securityHub(aws.homeRegion, { endpoint: ENDPOINT }).send(
        new GetFindingsCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
      message: `User: arn:aws:sts::${awsAccount.id}:assumed-role/GovernanceReader/region-expansion is not authorized to perform: securityhub:GetFindings because no identity-based policy allows the securityhub:GetFindings action`,
    });
  });

  it('models GetFindings at 3 req/s burst 6 per account and Region', async () => {
    faults.faults.rateLimits = true;
    const client = securityHub(eusc.homeRegion, { endpoint: ENDPOINT });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        client.send(new GetFindingsCommand({ MaxResults: 1 })),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(6);
    expect(results.find(r => r.status === 'rejected')).toMatchObject({
      reason: { name: 'TooManyRequestsException' },
    });
  });

  it('the SDK retries throttling until it gets through', async () => {
    faults.faults.throttlePercent = 50;
    const client = securityHub(aws.homeRegion, {
      endpoint: ENDPOINT,
      maxAttempts: 10,
    });
    const page = await client.send(new GetFindingsCommand({ MaxResults: 5 }));
    expect(page.Findings).toHaveLength(5);
  });
});

describe('Security Hub GetFindingsV2 (OCSF)', () => {
  it('filters by account with composite string filters and pages', async () => {
    const client = new SecurityHubClient({
      region: eusc.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(euscAccount.id),
    });
    const all: any[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new GetFindingsV2Command({
          Filters: {
            CompositeFilters: [
              {
                StringFilters: [
                  {
                    FieldName: 'cloud.account.uid',
                    Filter: { Value: euscAccount.id, Comparison: 'EQUALS' },
                  },
                ],
              },
            ],
          },
          MaxResults: 30,
          NextToken,
        }),
      );
      all.push(...(page.Findings ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(all).toHaveLength(40);
    expect(all[0]).toMatchObject({
      cloud: { account: { uid: euscAccount.id }, region: eusc.homeRegion },
      finding_info: { uid: expect.stringMatching(/^arn:aws-eusc:/) },
    });
  });
});

describe('Resilience Hub (restJson1, epoch seconds)', () => {
  it('lists apps and assessments and describes the latest with RTO/RPO per disruption type', async () => {
    const app = org.resilienceApps[0];
    const client = new ResiliencehubClient({
      region: app.region,
      endpoint: ENDPOINT,
      credentials: credentialsOf(app.accountId),
    });
    const apps = await client.send(new ListAppsCommand({}));
    expect(apps.appSummaries!.map(a => a.appArn)).toContain(app.arn);
    expect(apps.appSummaries![0].creationTime).toBeInstanceOf(Date);
    const assessments = await client.send(
      new ListAppAssessmentsCommand({
        appArn: app.arn,
        assessmentStatus: ['Success'],
        maxResults: 1,
      }),
    );
    expect(assessments.assessmentSummaries).toHaveLength(1);
    expect(assessments.assessmentSummaries![0].endTime!.getTime()).toBe(
      app.assessments.find(a => a.status === 'Success')!.endTime * 1000,
    );
    const detail = await client.send(
      new DescribeAppAssessmentCommand({
        assessmentArn: assessments.assessmentSummaries![0].assessmentArn,
      }),
    );
    expect(Object.keys(detail.assessment!.compliance!).sort()).toEqual([
      'AZ',
      'Hardware',
      'Region',
      'Software',
    ]);
    expect(detail.assessment!.policy!.policy!.Region!.rtoInSecs).toBe(
      app.policy.Region.rtoInSecs,
    );
  });
});

describe('Audit Manager (restJson1)', () => {
  const assessment = org.auditAssessments[0];
  const client = new AuditManagerClient({
    region: assessment.region,
    endpoint: ENDPOINT,
    credentials: credentialsOf(assessment.accountId),
  });

  it('lists active assessments, control sets and evidence folders', async () => {
    const list = await client.send(
      new ListAssessmentsCommand({ status: 'ACTIVE' }),
    );
    expect(list.assessmentMetadata!.map(a => a.id)).toContain(assessment.id);
    const detail = await client.send(
      new GetAssessmentCommand({ assessmentId: assessment.id }),
    );
    expect(detail.assessment!.framework!.controlSets).toHaveLength(
      assessment.controlSets.length,
    );
    expect(detail.assessment!.metadata!.creationTime).toBeInstanceOf(Date);
    const folders: any[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new GetEvidenceFoldersByAssessmentCommand({
          assessmentId: assessment.id,
          maxResults: 2,
          nextToken,
        }),
      );
      folders.push(...page.evidenceFolders!);
      nextToken = page.nextToken;
    } while (nextToken);
    const expected = assessment.controlSets.flatMap(s =>
      s.controls.flatMap(c => c.folders),
    );
    expect(folders).toHaveLength(expected.length);
  });

  it('an unregistered account gets AccessDeniedException', async () => {
    faults.faults.auditManagerUnregisteredAccounts = [assessment.accountId];
    await expect(
      client.send(new ListAssessmentsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('an unsubscribed account reads ACTIVE but is refused everything else', async () => {
    faults.faults.auditManagerNotSubscribedAccounts = [assessment.accountId];
    await expect(
      client.send(new GetAccountStatusCommand({})),
    ).resolves.toMatchObject({ status: 'ACTIVE' });
    await expect(
      client.send(new GetAssessmentCommand({ assessmentId: assessment.id })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringMatching(/not subscribed/),
      $metadata: { httpStatusCode: 403 },
    });
  });
});

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

describe('SSM public parameters (awsJson1_1)', () => {
  it('serves the global-infrastructure tree of the caller partition from the snapshot, paged by 10', async () => {
    const client = new SSMClient({
      region: eusc.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(euscAccount.id),
    });
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new GetParametersByPathCommand({
          Path: `/aws/service/global-infrastructure/regions/${eusc.homeRegion}/services`,
          NextToken,
        }),
      );
      names.push(...page.Parameters!.map(p => p.Value!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names.sort()).toEqual(['kms', 's3']);
  });
});

describe('STS (awsQuery)', () => {
  it('assumes a role in the same partition and rejects another partition', async () => {
    const client = new STSClient({
      region: eusc.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(euscAccount.id),
    });
    const assumed = await client.send(
      new AssumeRoleCommand({
        RoleArn: `arn:${eusc.id}:iam::${euscAccount.id}:role/Reader`,
        RoleSessionName: 's',
      }),
    );
    expect(assumed.Credentials!.AccessKeyId).toBe(
      accessKeyIdFor(euscAccount.id),
    );
    expect(assumed.Credentials!.Expiration).toBeInstanceOf(Date);
    await expect(
      client.send(
        new AssumeRoleCommand({
          RoleArn: `arn:${aws.id}:iam::${awsAccount.id}:role/Reader`,
          RoleSessionName: 's',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    const identity = await client.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(euscAccount.id);
  });
});

describe('startAwsSimulator', () => {
  it('serves the same handlers over loopback HTTP', async () => {
    server.close();
    const simulator = await startAwsSimulator({ organization: org, port: 0 });
    try {
      const client = new SecurityHubClient({
        region: aws.homeRegion,
        endpoint: simulator.url,
        credentials: credentialsOf(awsAccount.id),
      });
      const page = await client.send(new GetFindingsCommand({ MaxResults: 3 }));
      expect(page.Findings).toHaveLength(3);
      expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await simulator.stop();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
