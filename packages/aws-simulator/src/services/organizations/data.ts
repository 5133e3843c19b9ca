import type { OperationRateLimit } from '../../faults';
import type { SyntheticOrganization } from '../../organization';
import { createRandom, hashOf, pick } from '../../random';

/**
 * A policy document as plain data (IAM policy language).
 *
 * @public
 */
export interface SimulatedPolicyDocument {
  /** Policy language version, e.g. `2012-10-17`. */
  Version: string;
  /** The policy's statements (`Sid`, `Effect`, `Action`, `Resource`, `Condition`, ...). */
  Statement: Array<Record<string, unknown>>;
}

/**
 * A guardrail the organization should hold: the organizational unit (path
 * from `Root`), the SCP attached to it and the accounts placed in it, as
 * the project renders them.
 *
 * @public
 */
export interface SimulatedGuardrailSeed {
  /** OU path from the root, e.g. `['Root', 'Europe', 'DE', 'financial-services']`. */
  path: string[];
  /** Name of the SCP attached to the OU, e.g. `payments-de-region-deny`. */
  policyName: string;
  /** The SCP as rendered. */
  document: SimulatedPolicyDocument;
  /** Accounts that belong in the OU. */
  accountIds: string[];
}

/**
 * How the simulator seeds one guardrail into the organization:
 * `match` as rendered, `reordered` (statements, arrays and whitespace
 * reordered: no drift), `missing-policy` (not attached), `changed-statement`
 * (a Region added to the allowed list), `extra-statement` (a statement the
 * rendering lacks), `extra-policy` (another customer SCP attached to the
 * OU), `misplaced-account` (the first account sits in the parent OU) or
 * `missing-ou` (the OU does not exist; its accounts sit in the parent).
 *
 * @public
 */
export type SimulatedGuardrailDrift =
  | 'match'
  | 'reordered'
  | 'missing-policy'
  | 'changed-statement'
  | 'extra-statement'
  | 'extra-policy'
  | 'misplaced-account'
  | 'missing-ou';

/**
 * Every {@link SimulatedGuardrailDrift}, in the order seeded drift cycles
 * through them.
 *
 * @public
 */
export const SIMULATED_GUARDRAIL_DRIFTS: readonly SimulatedGuardrailDrift[] = [
  'match',
  'reordered',
  'missing-policy',
  'changed-statement',
  'extra-statement',
  'extra-policy',
  'misplaced-account',
  'missing-ou',
];

/**
 * An organizational unit of a simulated organization.
 *
 * @public
 */
export interface SimulatedOrganizationalUnit {
  /** `ou-` id of the organizational unit. */
  id: string;
  /** Name of the OU (the last element of its path). */
  name: string;
  /** Id of the root or OU the OU sits in. */
  parentId: string;
  /** Path from the root, `Root` first. */
  path: string[];
}

/**
 * A member account as AWS Organizations lists it.
 *
 * @public
 */
export interface SimulatedOrganizationAccount {
  /** 12-digit account id. */
  id: string;
  /** Account name (`management` for the management account). */
  name: string;
  /** Id of the root or OU the account sits in. */
  parentId: string;
}

/**
 * A service control policy of a simulated organization.
 *
 * @public
 */
export interface SimulatedServiceControlPolicy {
  /** `p-` id of the policy. */
  id: string;
  /** Name of the policy, e.g. `FullAWSAccess`. */
  name: string;
  /** Description of the policy; may be empty. */
  description: string;
  /** Whether AWS manages the policy (`FullAWSAccess`) rather than the customer. */
  awsManaged: boolean;
  /** The policy document as stored (a JSON string). */
  content: string;
}

/**
 * The AWS Organizations view of one partition: root, OUs, accounts, SCPs,
 * their attachments, who may read it, and the modelled API rate limit.
 *
 * @public
 */
export interface SimulatedOrganizationTree {
  /** Id of the partition the organization lives in, e.g. `aws-eusc`. */
  partition: string;
  /** `o-` id of the organization. */
  organizationId: string;
  /** Account that owns the organization; may read it. */
  managementAccountId: string;
  /** Further accounts that may read it (delegated administrators). */
  delegatedAdministrators: string[];
  /** The organization's root (`r-` id). */
  root: { id: string; name: 'Root' };
  /** Every organizational unit, at any depth (the root not included). */
  organizationalUnits: SimulatedOrganizationalUnit[];
  /** Every account, the management account included. */
  accounts: SimulatedOrganizationAccount[];
  /** Every SCP, attached or not: `FullAWSAccess` and the customer-managed ones. */
  policies: SimulatedServiceControlPolicy[];
  /** Policy ids attached per target id (root, OU or account). */
  attachments: Map<string, string[]>;
  /** The drift seeded per guardrail, in the order of the seeds given. */
  seededDrift: Array<{
    path: string[];
    policyName: string;
    drift: SimulatedGuardrailDrift;
  }>;
  /**
   * Requests per second across every Organizations operation of this
   * organization (AWS throttles Organizations per organization, not per
   * operation); `undefined` for no limit. Mutable: a test may change it.
   */
  rateLimit?: OperationRateLimit;
  /** Requests refused with `TooManyRequestsException` by `rateLimit`. */
  throttled: number;
}

/**
 * Size and content of a simulated organization.
 *
 * @public
 */
export interface SimulatedOrganizationTreeSize {
  /** Id of the partition the organization lives in, e.g. `aws-eusc`. */
  partition: string;
  /** Account that owns the organization; placed under the root and may read it. */
  managementAccountId: string;
  /** Further accounts that may read the organization; default none. */
  delegatedAdministrators?: string[];
  /** Member accounts that exist (e.g. the synthetic organization's); more are generated up to `accounts`. */
  memberAccountIds?: string[];
  /** Accounts in total, the management account included. */
  accounts: number;
  /** Organizational units in total (at least the guardrails' paths need). */
  organizationalUnits: number;
  /** Customer-managed SCPs in total (`FullAWSAccess` not counted). */
  serviceControlPolicies: number;
  /** Guardrails to seed, each with its OU path, SCP and accounts; default none. */
  guardrails?: SimulatedGuardrailSeed[];
  /** Drift per guardrail, by position; absent: picked from the seed. */
  drift?: SimulatedGuardrailDrift[];
  /** Rate limit across every Organizations operation, as the tree's `rateLimit`; default none. */
  rateLimit?: OperationRateLimit;
}

/**
 * Id of the AWS managed `FullAWSAccess` SCP, which the simulator attaches to
 * the root and every OU, as AWS does by default.
 *
 * @public
 */
export const FULL_AWS_ACCESS_POLICY_ID = 'p-FullAWSAccess';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function idPart(seed: number, salt: string, length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++)
    text += hashOf(salt, seed + i).toString(36);
  return [...text.slice(0, length)]
    .map(c => (ALPHABET.includes(c) ? c : 'a'))
    .join('');
}

const FULL_AWS_ACCESS: SimulatedServiceControlPolicy = {
  id: FULL_AWS_ACCESS_POLICY_ID,
  name: 'FullAWSAccess',
  description: 'Allows access to every operation',
  awsManaged: true,
  content: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  }),
};

/** The document with statements, string arrays and whitespace reordered: the same policy. */
function reorder(document: SimulatedPolicyDocument): string {
  const sortDeep = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortDeep).reverse();
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, sortDeep(v)]),
      );
    return value;
  };
  return JSON.stringify(sortDeep(document), null, 2);
}

/** The document with one more Region allowed in every statement's condition. */
function widen(document: SimulatedPolicyDocument): string {
  const text = JSON.stringify(document);
  return text.replace(
    /"aws:RequestedRegion":\[/g,
    '"aws:RequestedRegion":["sa-east-1",',
  );
}

function withExtraStatement(document: SimulatedPolicyDocument): string {
  return JSON.stringify({
    ...document,
    Statement: [
      ...document.Statement,
      {
        Sid: 'DenyLeaveOrganization',
        Effect: 'Deny',
        Action: 'organizations:LeaveOrganization',
        Resource: '*',
      },
    ],
  });
}

function fillerDocument(n: number): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `DenyService${n}`,
        Effect: 'Deny',
        Action: [`${pick(['gamelift', 'lightsail', 'braket', 'iot'], n)}:*`],
        Resource: '*',
      },
    ],
  });
}

/** How a guardrail's SCP is stored, per drift that changes its content. */
const CONTENT_OF: Partial<
  Record<SimulatedGuardrailDrift, (d: SimulatedPolicyDocument) => string>
> = {
  reordered: reorder,
  'changed-statement': widen,
  'extra-statement': withExtraStatement,
};

/**
 * A seeded, deterministic organization for the Organizations API: the
 * guardrails' OU paths (each seeded with its drift), filler OUs up to the
 * size, accounts spread over the OUs, the guardrails' SCPs and filler SCPs
 * (some attached to OUs, some to accounts, some not attached), and
 * `FullAWSAccess` on the root and every OU, as AWS attaches it.
 *
 * @public
 */
export function createSimulatedOrganizationTree(
  seed: number,
  size: SimulatedOrganizationTreeSize,
): SimulatedOrganizationTree {
  const random = createRandom(hashOf(size.partition, seed));
  const organizationId = `o-${idPart(seed, `${size.partition}/org`, 10)}`;
  const root = {
    id: `r-${idPart(seed, `${size.partition}/root`, 4)}`,
    name: 'Root' as const,
  };
  const ous: SimulatedOrganizationalUnit[] = [];
  const byPath = new Map<string, string>([['Root', root.id]]);
  const ensure = (path: string[]): string => {
    const key = path.join('/');
    const found = byPath.get(key);
    if (found) return found;
    const parentId = ensure(path.slice(0, -1));
    const id = `ou-${root.id.slice(2)}-${idPart(
      seed,
      `${size.partition}/${key}`,
      8,
    )}`;
    ous.push({ id, name: path[path.length - 1], parentId, path });
    byPath.set(key, id);
    return id;
  };
  const accounts: SimulatedOrganizationAccount[] = [
    { id: size.managementAccountId, name: 'management', parentId: root.id },
  ];
  const placed = new Set([size.managementAccountId]);
  const place = (id: string, parentId: string) => {
    if (placed.has(id)) return;
    placed.add(id);
    accounts.push({ id, name: `account-${id.slice(-4)}`, parentId });
  };
  const policies: SimulatedServiceControlPolicy[] = [FULL_AWS_ACCESS];
  const attachments = new Map<string, string[]>();
  const attach = (targetId: string, policyId: string) =>
    attachments.set(targetId, [...(attachments.get(targetId) ?? []), policyId]);
  const addPolicy = (name: string, content: string, description = '') => {
    const id = `p-${idPart(seed, `${size.partition}/policy/${name}`, 8)}`;
    policies.push({ id, name, description, awsManaged: false, content });
    return id;
  };

  const seededDrift: SimulatedOrganizationTree['seededDrift'] = [];
  (size.guardrails ?? []).forEach((g, index) => {
    const drift =
      size.drift?.[index] ??
      SIMULATED_GUARDRAIL_DRIFTS[
        Math.floor(random() * SIMULATED_GUARDRAIL_DRIFTS.length)
      ];
    seededDrift.push({ path: g.path, policyName: g.policyName, drift });
    const parentId = ensure(g.path.slice(0, -1));
    const ouId = drift === 'missing-ou' ? parentId : ensure(g.path);
    g.accountIds.forEach((id, i) =>
      place(id, drift === 'misplaced-account' && i === 0 ? parentId : ouId),
    );
    if (drift === 'missing-ou' || drift === 'missing-policy') return;
    const content = (CONTENT_OF[drift] ?? JSON.stringify)(g.document);
    attach(ouId, addPolicy(g.policyName, content, 'Region-deny guardrail'));
    if (drift === 'extra-policy') {
      attach(ouId, addPolicy(`${g.policyName}-legacy`, fillerDocument(index)));
    }
  });

  const geographies = ['Sandbox', 'Shared', 'Suspended', 'Workloads'];
  for (let n = 0; ous.length < size.organizationalUnits; n++) {
    const geography = geographies[n % geographies.length];
    const team = `team-${Math.floor(n / geographies.length) + 1}`;
    // A new geography OU and its team would overshoot by one: the team goes under the root.
    const roomForTwo =
      byPath.has(`Root/${geography}`) ||
      ous.length + 2 <= size.organizationalUnits;
    ensure(roomForTwo ? ['Root', geography, team] : ['Root', team]);
  }
  // Filler accounts and SCPs stay off the guardrails' OUs, so only the
  // seeded drift shows there.
  const guarded = new Set(
    (size.guardrails ?? []).map(g => byPath.get(g.path.join('/'))),
  );
  const fillerOus = ous.filter(o => !guarded.has(o.id));
  const parents = [root.id, ...fillerOus.map(o => o.id)];
  const generated = Math.max(
    0,
    size.accounts - accounts.length - (size.memberAccountIds?.length ?? 0),
  );
  const others = [
    ...(size.memberAccountIds ?? []),
    ...Array.from({ length: generated }, (_, i) =>
      String(300_000_000_000 + (seed % 1000) * 1_000_000 + i),
    ),
  ];
  for (const id of others) place(id, pick(parents, hashOf(id, seed)));

  const customerPolicies = () => policies.filter(p => !p.awsManaged).length;
  for (let n = 1; customerPolicies() < size.serviceControlPolicies; n++) {
    const id = addPolicy(`scp-${n}`, fillerDocument(n));
    const roll = random();
    if (roll < 0.6 && fillerOus.length)
      attach(pick(fillerOus, hashOf(id, seed)).id, id);
    else if (roll < 0.8) attach(pick(accounts, hashOf(id, seed)).id, id);
  }
  for (const target of [root.id, ...ous.map(o => o.id)]) {
    attachments.set(target, [
      FULL_AWS_ACCESS_POLICY_ID,
      ...(attachments.get(target) ?? []),
    ]);
  }
  return {
    partition: size.partition,
    organizationId,
    managementAccountId: size.managementAccountId,
    delegatedAdministrators: size.delegatedAdministrators ?? [],
    root,
    organizationalUnits: ous,
    accounts,
    policies,
    attachments,
    seededDrift,
    rateLimit: size.rateLimit,
    throttled: 0,
  };
}

const TREES = new WeakMap<
  SyntheticOrganization,
  Map<string, SimulatedOrganizationTree>
>();

/**
 * Serves `tree` as the AWS Organizations view of its partition of `org`
 * (replacing the default one).
 *
 * @public
 */
export function attachOrganizationTree(
  org: SyntheticOrganization,
  tree: SimulatedOrganizationTree,
): void {
  const trees = TREES.get(org) ?? new Map();
  trees.set(tree.partition, tree);
  TREES.set(org, trees);
}

/**
 * The AWS Organizations view of a partition of `org`: the attached one, else
 * a small default (the partition's first account manages it; its accounts
 * spread over 6 OUs with 8 SCPs and no guardrails), made once.
 *
 * @public
 */
export function organizationTreeOf(
  org: SyntheticOrganization,
  partition: string,
): SimulatedOrganizationTree {
  const attached = TREES.get(org)?.get(partition);
  if (attached) return attached;
  const members = org.accounts.filter(a => a.partition === partition);
  const tree = createSimulatedOrganizationTree(org.seed, {
    partition,
    managementAccountId: members[0]?.id ?? '000000000000',
    memberAccountIds: members.slice(1).map(a => a.id),
    accounts: members.length,
    organizationalUnits: 6,
    serviceControlPolicies: 8,
  });
  attachOrganizationTree(org, tree);
  return tree;
}
