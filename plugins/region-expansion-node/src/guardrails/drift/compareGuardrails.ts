import type { Guardrails } from '../renderGuardrails';
import {
  diffPolicyStatements,
  isSamePolicy,
  PolicyStatementDiff,
} from './diffPolicyStatements';

/**
 * What AWS Organizations holds for one partition, as plain data: every OU
 * (the root as `['Root']`) with its path, every account with its parent,
 * and the SCPs attached to the OUs that were read (policy content as
 * stored; `undefined` for AWS managed policies, which are not compared).
 *
 * @public
 */
export interface OrganizationSnapshot {
  /** The partition the organization was read in. */
  partition: string;
  /** Every OU with its id and its path of names from `Root`. */
  organizationalUnits: Array<{ id: string; path: string[] }>;
  /** Every account with the id of the root or OU it is in. */
  accounts: Array<{ id: string; parentId: string }>;
  /** SCPs attached to each OU read, by OU id. */
  policiesByTarget: Record<
    string,
    Array<{ id: string; name: string; awsManaged: boolean; content?: string }>
  >;
  /** API calls the read took. */
  calls: number;
}

/**
 * One rendered policy compared with AWS: `match`, `missing` (not attached
 * to the OU) or `changed` (attached, statements differ).
 *
 * @public
 */
export interface PolicyDrift {
  /** Name of the rendered SCP. */
  name: string;
  /** Whether AWS holds it unchanged, not at all, or with other statements. */
  state: 'match' | 'missing' | 'changed';
  /** Its statement differences from AWS (all missing when not attached). */
  statements: PolicyStatementDiff;
}

/**
 * Drift of one guardrail plan: its OU placement and its policies.
 *
 * @public
 */
export interface GuardrailDriftReport {
  /** Name of the guardrail plan. */
  plan: string;
  /** Id of the location the plan targets. */
  location: string;
  /** Partition of the plan's OU. */
  partition: string;
  /** `ok`, `drift`, or `unknown` when AWS Organizations could not be read. */
  status: 'ok' | 'drift' | 'unknown';
  /** Path of the plan's OU, e.g. `Root/…`. */
  ouPath: string;
  /** Whether the OU exists at its path. */
  ouFound: boolean;
  /** Plan accounts not in the OU, with the OU path they are in (absent: not in the organization). */
  misplacedAccounts: Array<{ accountId: string; actualPath?: string }>;
  /** Accounts in the OU the plan does not list (only when the plan lists accounts). */
  unexpectedAccounts: string[];
  /** Each SCP the plan renders, compared with the one attached to the OU. */
  policies: PolicyDrift[];
  /** Customer-managed SCPs attached to the OU that the plan does not render. */
  extraPolicies: Array<{ id: string; name: string }>;
  /** One line per difference, for readers and readiness blockers. */
  summary: string[];
  /** Why the status is `unknown`. */
  reason?: string;
}

/**
 * Compares the guardrails rendered for a plan with an organization
 * snapshot: OU found at its path, plan accounts in it (and no others when
 * the plan lists accounts), each rendered SCP attached with the same
 * statements (order-insensitive), no further customer SCP on the OU. Pure.
 *
 * @public
 */
export function compareGuardrails(
  plan: { name: string; location: string },
  rendered: Guardrails,
  snapshot: OrganizationSnapshot,
): GuardrailDriftReport {
  const ou = rendered.organizationalUnit;
  const pathOf = new Map(
    snapshot.organizationalUnits.map(o => [o.id, o.path.join('/')]),
  );
  const found = snapshot.organizationalUnits.find(
    o => o.path.join('/') === ou.pathString,
  );
  const summary: string[] = [];
  if (!found) summary.push(`OU ${ou.pathString} is missing`);

  const parentOf = new Map(snapshot.accounts.map(a => [a.id, a.parentId]));
  const misplacedAccounts = ou.accountIds
    .filter(id => !found || parentOf.get(id) !== found.id)
    .map(id => {
      const parent = parentOf.get(id);
      return parent
        ? { accountId: id, actualPath: pathOf.get(parent) }
        : { accountId: id };
    });
  for (const m of misplacedAccounts)
    summary.push(
      m.actualPath
        ? `account ${m.accountId} is in ${m.actualPath}, not ${ou.pathString}`
        : `account ${m.accountId} is not in the organization`,
    );
  const unexpectedAccounts =
    found && ou.accountIds.length
      ? snapshot.accounts
          .filter(a => a.parentId === found.id && !ou.accountIds.includes(a.id))
          .map(a => a.id)
      : [];
  for (const id of unexpectedAccounts)
    summary.push(`account ${id} is in ${ou.pathString} but not in the plan`);

  const attached = (found && snapshot.policiesByTarget[found.id]) || [];
  const policies: PolicyDrift[] = ou.policies.map(name => {
    const actual = attached.find(p => p.name === name);
    const statements = diffPolicyStatements(
      rendered.scp,
      actual?.content ? JSON.parse(actual.content) : undefined,
    );
    if (!actual) {
      summary.push(`SCP ${name} is not attached to ${ou.pathString}`);
      return { name, state: 'missing', statements };
    }
    if (isSamePolicy(statements)) return { name, state: 'match', statements };
    for (const s of statements.missing)
      summary.push(`SCP ${name}: statement ${s.Sid ?? '(no Sid)'} is missing`);
    for (const s of statements.extra)
      summary.push(`SCP ${name}: extra statement ${s.Sid ?? '(no Sid)'}`);
    for (const c of statements.changed)
      summary.push(`SCP ${name}: statement ${c.sid} is changed`);
    return { name, state: 'changed', statements };
  });
  const extraPolicies = attached
    .filter(p => !p.awsManaged && !ou.policies.includes(p.name))
    .map(p => ({ id: p.id, name: p.name }));
  for (const p of extraPolicies)
    summary.push(
      `SCP ${p.name} is attached to ${ou.pathString} but not rendered`,
    );

  return {
    plan: plan.name,
    location: plan.location,
    partition: ou.partition,
    status: summary.length ? 'drift' : 'ok',
    ouPath: ou.pathString,
    ouFound: !!found,
    misplacedAccounts,
    unexpectedAccounts,
    policies,
    extraPolicies,
    summary,
  };
}
