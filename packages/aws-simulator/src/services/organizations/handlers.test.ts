import {
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  allPages,
  aws,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import {
  attachOrganizationTree,
  createSimulatedOrganizationTree,
  FULL_AWS_ACCESS_POLICY_ID,
} from './data';

useSimulatorTestServer();

const management = org.accounts.find(a => a.partition === aws.id)!;
const member = org.accounts.filter(a => a.partition === aws.id)[1];
const document = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutsideAllowedRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*'],
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1'] },
      },
    },
  ],
};
const tree = createSimulatedOrganizationTree(7, {
  partition: aws.id,
  managementAccountId: management.id,
  accounts: 90,
  organizationalUnits: 12,
  serviceControlPolicies: 30,
  guardrails: [
    {
      path: ['Root', 'Europe', 'DE', 'financial-services'],
      policyName: 'payments-de-region-deny',
      document,
      accountIds: ['111122223333'],
    },
  ],
  drift: ['changed-statement'],
});
attachOrganizationTree(org, tree);
const client = (accountId = management.id, maxAttempts = 1) =>
  sdkClient(OrganizationsClient, aws.homeRegion, accountId, { maxAttempts });

describe('Organizations (awsJson1_1)', () => {
  it('lists every OU and account of the tree across 20-item pages', async () => {
    const c = client();
    const [{ Roots }] = await allPages(
      t => c.send(new ListRootsCommand({ NextToken: t })),
      p => p.NextToken,
    );
    const queue = [Roots![0].Id!];
    const ous: string[] = [];
    const accounts: string[] = [];
    let pagedBeyondOne = false;
    while (queue.length) {
      const parent = queue.shift()!;
      const ouPages = await allPages(
        t =>
          c.send(
            new ListOrganizationalUnitsForParentCommand({
              ParentId: parent,
              NextToken: t,
            }),
          ),
        p => p.NextToken,
      );
      const accountPages = await allPages(
        t =>
          c.send(
            new ListAccountsForParentCommand({
              ParentId: parent,
              MaxResults: 5,
              NextToken: t,
            }),
          ),
        p => p.NextToken,
      );
      pagedBeyondOne ||= accountPages.length > 1;
      const children = ouPages.flatMap(p =>
        p.OrganizationalUnits!.map(o => o.Id!),
      );
      ous.push(...children);
      queue.push(...children);
      accounts.push(...accountPages.flatMap(p => p.Accounts!.map(a => a.Id!)));
    }
    expect(ous.sort()).toEqual(tree.organizationalUnits.map(o => o.id).sort());
    expect(accounts).toHaveLength(90);
    // The size asked for, exactly.
    expect(ous).toHaveLength(12);
    expect(tree.policies.filter(p => !p.awsManaged)).toHaveLength(30);
    expect(accounts).toContain('111122223333');
    expect(pagedBeyondOne).toBe(true);
  });

  it('lists the SCPs of an OU and describes the seeded, changed guardrail', async () => {
    const ou = tree.organizationalUnits.find(
      o => o.name === 'financial-services',
    )!;
    const { Policies } = await client().send(
      new ListPoliciesForTargetCommand({
        TargetId: ou.id,
        Filter: 'SERVICE_CONTROL_POLICY',
      }),
    );
    expect(Policies!.map(p => p.Name)).toEqual([
      'FullAWSAccess',
      'payments-de-region-deny',
    ]);
    expect(Policies![0]).toMatchObject({
      Id: FULL_AWS_ACCESS_POLICY_ID,
      AwsManaged: true,
    });
    const { Policy } = await client().send(
      new DescribePolicyCommand({ PolicyId: Policies![1].Id }),
    );
    expect(
      JSON.parse(Policy!.Content!).Statement[0].Condition.StringNotEquals[
        'aws:RequestedRegion'
      ],
    ).toEqual(['sa-east-1', 'eu-central-1']);
  });

  it.each([
    [
      'an unknown parent',
      new ListOrganizationalUnitsForParentCommand({
        ParentId: 'ou-none-00000000',
      }),
      'ParentNotFoundException',
    ],
    [
      'an unknown policy',
      new DescribePolicyCommand({ PolicyId: 'p-00000000' }),
      'PolicyNotFoundException',
    ],
    [
      'a policy type not modelled',
      new ListPoliciesForTargetCommand({
        TargetId: 'r-0000',
        Filter: 'TAG_POLICY',
      }),
      'InvalidInputException',
    ],
  ])('refuses %s with the AWS error', async (_name, command, error) => {
    await expect(client().send(command as any)).rejects.toMatchObject({
      name: error,
    });
  });

  it('refuses a member account that is neither management nor delegated administrator', async () => {
    await expect(
      client(member.id).send(new ListRootsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('throttles with TooManyRequestsException past the organization rate, across operations', async () => {
    tree.rateLimit = { ratePerSecond: 1, burst: 2 };
    try {
      const c = client();
      await c.send(new ListRootsCommand({}));
      await c.send(
        new DescribePolicyCommand({ PolicyId: FULL_AWS_ACCESS_POLICY_ID }),
      );
      await expect(c.send(new ListRootsCommand({}))).rejects.toMatchObject({
        name: 'TooManyRequestsException',
      });
      expect(tree.throttled).toBe(1);
    } finally {
      tree.rateLimit = undefined;
    }
  });
});
