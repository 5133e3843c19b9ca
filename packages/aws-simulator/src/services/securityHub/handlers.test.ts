import {
  GetAggregatorV2Command,
  GetFindingAggregatorCommand,
  GetFindingsCommand,
  GetFindingsV2Command,
  ListAggregatorsV2Command,
  ListFindingAggregatorsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { createAwsSimulatorHandlers } from '../../handlers';
import { createSyntheticOrganization } from '../../organization';
import {
  allPages,
  aws,
  awsAccount,
  eusc,
  euscAccount,
  faults,
  org,
  server,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

/** A Security Hub client of the organization's first `aws` account; one attempt unless told otherwise. */
function securityHub(
  region: string,
  options: {
    maxAttempts?: number;
    realHost?: boolean;
    accountId?: string;
  } = {},
) {
  return sdkClient(
    SecurityHubClient,
    region,
    options.accountId ?? awsAccount.id,
    {
      maxAttempts: 1,
      ...options,
    },
  );
}

async function allFindings(client: SecurityHubClient, Filters: any) {
  const pages = await allPages(
    NextToken =>
      client.send(
        new GetFindingsCommand({ Filters, MaxResults: 25, NextToken }),
      ),
    page => page.NextToken,
  );
  return {
    findings: pages.flatMap(page => page.Findings ?? []),
    pages: pages.length,
  };
}

describe('Security Hub finding aggregators (restJson1)', () => {
  it('links every Region of a partition but its last unused one by default', async () => {
    const client = securityHub(aws.homeRegion);
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
    const client = securityHub(aws.homeRegion);
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
      const accountId = linked.accounts[0].id;
      const { findings } = await allFindings(
        securityHub('us-east-1', { accountId }),
        {},
      );
      expect(new Set(findings.map(f => f.Region))).toEqual(
        new Set(['us-east-1', 'eu-west-1']),
      );
      expect(findings).toHaveLength(10);
      // Read in eu-central-1 itself, its findings are there.
      const local = await allFindings(
        securityHub('eu-central-1', { accountId }),
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
    const { findings, pages } = await allFindings(securityHub(aws.homeRegion), {
      AwsAccountId: [{ Value: awsAccount.id, Comparison: 'EQUALS' }],
    });
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
    const { findings } = await allFindings(
      securityHub(region, { realHost: true }),
      {
        AwsAccountId: [{ Value: awsAccount.id, Comparison: 'EQUALS' }],
      },
    );
    expect(findings).toHaveLength(40);
    expect(findings.every(f => f.Region === region)).toBe(true);
  });

  it('filters on UpdatedAt and returns only what advance() changed', async () => {
    const client = securityHub(aws.homeRegion);
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
    const client = securityHub(aws.homeRegion);
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
      securityHub(aws.homeRegion).send(new GetFindingsCommand({})),
    ).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it('a malformed body fails deserialization', async () => {
    faults.faults.malformedPercent = 100;
    await expect(
      securityHub(aws.homeRegion).send(new GetFindingsCommand({})),
    ).rejects.toThrow();
  });

  it('denies an AccessDenied account as caller or as filter, naming the caller role as IAM does', async () => {
    faults.faults.accessDeniedAccounts = [awsAccount.id];
    await expect(
      securityHub(aws.homeRegion).send(new GetFindingsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
      message: `User: arn:aws:sts::${awsAccount.id}:assumed-role/GovernanceReader/region-expansion is not authorized to perform: securityhub:GetFindings because no identity-based policy allows the securityhub:GetFindings action`,
    });
  });

  it('models GetFindings at 3 req/s burst 6 per account and Region', async () => {
    faults.faults.rateLimits = true;
    const client = securityHub(eusc.homeRegion);
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
    const client = securityHub(aws.homeRegion, { maxAttempts: 10 });
    const page = await client.send(new GetFindingsCommand({ MaxResults: 5 }));
    expect(page.Findings).toHaveLength(5);
  });
});

describe('Security Hub GetFindingsV2 (OCSF)', () => {
  it('filters by account with composite string filters and pages', async () => {
    const client = securityHub(eusc.homeRegion, {
      accountId: euscAccount.id,
      maxAttempts: 3,
    });
    const pages = await allPages(
      NextToken =>
        client.send(
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
        ),
      page => page.NextToken,
    );
    const all: any[] = pages.flatMap(page => page.Findings ?? []);
    expect(all).toHaveLength(40);
    expect(all[0]).toMatchObject({
      cloud: { account: { uid: euscAccount.id }, region: eusc.homeRegion },
      finding_info: { uid: expect.stringMatching(/^arn:aws-eusc:/) },
    });
  });
});
