import { AwsFault } from '../../AwsFault';
import { TokenBucket } from '../../faults';
import { pageOf, pageSizeOf, tokenField } from '../../protocol';
import { defineService, OperationRequest } from '../defineService';
import {
  organizationTreeOf,
  SimulatedOrganizationTree,
  SimulatedServiceControlPolicy,
} from './data';

const INVALID_TOKEN = new AwsFault(
  400,
  'InvalidInputException',
  'The NextToken is not valid',
);

/** One bucket per organization, rebuilt when a test changes the rate. */
const BUCKETS = new WeakMap<
  SimulatedOrganizationTree,
  { limit: unknown; bucket: TokenBucket }
>();

/** The organization of the caller's partition, refusing callers that may not read it and requests over its rate. */
function treeFor({ org, req }: OperationRequest): SimulatedOrganizationTree {
  const tree = organizationTreeOf(org, req.partition.id);
  if (
    req.callerAccountId !== tree.managementAccountId &&
    !tree.delegatedAdministrators.includes(req.callerAccountId)
  ) {
    throw new AwsFault(
      400,
      'AccessDeniedException',
      "You don't have permissions to access this resource.",
    );
  }
  if (tree.rateLimit) {
    let entry = BUCKETS.get(tree);
    if (!entry || entry.limit !== tree.rateLimit) {
      entry = {
        limit: tree.rateLimit,
        bucket: new TokenBucket(tree.rateLimit),
      };
      BUCKETS.set(tree, entry);
    }
    if (!entry.bucket.tryTake()) {
      tree.throttled += 1;
      throw new AwsFault(
        400,
        'TooManyRequestsException',
        'You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.',
      );
    }
  }
  return tree;
}

function arnOf(tree: SimulatedOrganizationTree, kind: string, id: string) {
  return `arn:${tree.partition}:organizations::${tree.managementAccountId}:${kind}/${tree.organizationId}/${id}`;
}

function policyArn(
  tree: SimulatedOrganizationTree,
  policy: SimulatedServiceControlPolicy,
) {
  return policy.awsManaged
    ? `arn:${tree.partition}:organizations::aws:policy/service_control_policy/${policy.id}`
    : arnOf(tree, 'policy', `service_control_policy/${policy.id}`);
}

function summaryOf(
  tree: SimulatedOrganizationTree,
  policy: SimulatedServiceControlPolicy,
) {
  return {
    Id: policy.id,
    Arn: policyArn(tree, policy),
    Name: policy.name,
    Description: policy.description,
    Type: 'SERVICE_CONTROL_POLICY',
    AwsManaged: policy.awsManaged,
  };
}

/** One page of a list operation: MaxResults 1-20 (AWS's maximum), default 20. */
function page<T>(input: any, items: T[], query: string) {
  const limit = pageSizeOf(
    input.MaxResults,
    'MaxResults',
    20,
    20,
    'InvalidInputException',
  );
  return pageOf(items, input.NextToken, limit, query, INVALID_TOKEN);
}

function requireParent(tree: SimulatedOrganizationTree, parentId: unknown) {
  if (
    parentId !== tree.root.id &&
    !tree.organizationalUnits.some(o => o.id === parentId)
  ) {
    throw new AwsFault(
      400,
      'ParentNotFoundException',
      "We can't find a root or OU with the ParentId that you specified.",
    );
  }
  return parentId as string;
}

/** One page of the OUs or accounts whose parent is `ParentId`, as `key`. */
function childrenPage<T extends { id: string; parentId: string }>(
  request: OperationRequest,
  key: string,
  itemsOf: (tree: SimulatedOrganizationTree) => T[],
  wire: (tree: SimulatedOrganizationTree, item: T) => object,
) {
  const tree = treeFor(request);
  const parentId = requireParent(tree, request.input.ParentId);
  const { slice, next } = page(
    request.input,
    itemsOf(tree).filter(item => item.parentId === parentId),
    `${key}/${parentId}`,
  );
  return {
    [key]: slice.map(item => wire(tree, item)),
    ...tokenField('NextToken', next),
  };
}

/**
 * AWS Organizations (awsJson1_1, `AWSOrganizationsV20161128.*`), global:
 * the read operations a guardrail drift check makes over the organization
 * of the caller's partition ({@link organizationTreeOf}). Only the
 * management account and delegated administrators may read it; the
 * organization's rate limit applies across operations.
 */
export const organizationsService = defineService({
  signingName: 'organizations',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSOrganizationsV20161128',
  throttle: [400, 'TooManyRequestsException'],
  serverError: 'ServiceException',
  anyRegion: true,
  operations: [
    {
      name: 'ListRoots',
      respond: request => {
        const tree = treeFor(request);
        const { slice, next } = page(request.input, [tree.root], 'roots');
        return {
          Roots: slice.map(r => ({
            Id: r.id,
            Arn: arnOf(tree, 'root', r.id),
            Name: r.name,
            PolicyTypes: [
              { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
            ],
          })),
          ...tokenField('NextToken', next),
        };
      },
    },
    {
      name: 'ListOrganizationalUnitsForParent',
      respond: request =>
        childrenPage(
          request,
          'OrganizationalUnits',
          tree => tree.organizationalUnits,
          (tree, o) => ({
            Id: o.id,
            Arn: arnOf(tree, 'ou', o.id),
            Name: o.name,
          }),
        ),
    },
    {
      name: 'ListAccountsForParent',
      respond: request =>
        childrenPage(
          request,
          'Accounts',
          tree => tree.accounts,
          (tree, a) => ({
            Id: a.id,
            Arn: arnOf(tree, 'account', a.id),
            Name: a.name,
            Email: `${a.name}@example.com`,
            Status: 'ACTIVE',
            State: 'ACTIVE',
            JoinedMethod: 'CREATED',
          }),
        ),
    },
    {
      name: 'ListPoliciesForTarget',
      respond: request => {
        const tree = treeFor(request);
        const { TargetId: targetId, Filter: filter } = request.input;
        if (filter !== 'SERVICE_CONTROL_POLICY') {
          throw new AwsFault(
            400,
            'InvalidInputException',
            'Filter: the simulator models SERVICE_CONTROL_POLICY only',
          );
        }
        const known =
          targetId === tree.root.id ||
          tree.organizationalUnits.some(o => o.id === targetId) ||
          tree.accounts.some(a => a.id === targetId);
        if (!known) {
          throw new AwsFault(
            400,
            'TargetNotFoundException',
            "We can't find a root, OU, account, or policy with the TargetId that you specified.",
          );
        }
        const attached = (tree.attachments.get(targetId) ?? []).map(
          id => tree.policies.find(p => p.id === id)!,
        );
        const { slice, next } = page(
          request.input,
          attached,
          `policies/${targetId}`,
        );
        return {
          Policies: slice.map(p => summaryOf(tree, p)),
          ...tokenField('NextToken', next),
        };
      },
    },
    {
      name: 'DescribePolicy',
      respond: request => {
        const tree = treeFor(request);
        const policy = tree.policies.find(p => p.id === request.input.PolicyId);
        if (!policy) {
          throw new AwsFault(
            400,
            'PolicyNotFoundException',
            "We can't find a policy with the PolicyId that you specified.",
          );
        }
        return {
          Policy: {
            PolicySummary: summaryOf(tree, policy),
            Content: policy.content,
          },
        };
      },
    },
  ],
});
