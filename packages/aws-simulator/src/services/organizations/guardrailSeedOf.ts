import type { SimulatedGuardrailSeed, SimulatedPolicyDocument } from './data';

/**
 * The fields of the project's rendered guardrails (`renderGuardrails` of
 * the node library) that an organization is seeded from.
 *
 * @public
 */
export interface RenderedGuardrailsForSeed {
  /** The OU the guardrails place accounts in, and the SCPs attached to it. */
  organizationalUnit: {
    path: string[];
    policies: string[];
    accountIds: string[];
  };
  /** The Region-deny SCP as rendered. */
  scp: SimulatedPolicyDocument;
}

/**
 * The seed of one rendered guardrail plan: its OU path and accounts, and its
 * first SCP by name and document, so tests and benches seed an organization
 * from exactly what the project renders.
 *
 * @public
 */
export function guardrailSeedOf(
  rendered: RenderedGuardrailsForSeed,
): SimulatedGuardrailSeed {
  return {
    path: rendered.organizationalUnit.path,
    policyName: rendered.organizationalUnit.policies[0],
    document: rendered.scp,
    accountIds: rendered.organizationalUnit.accountIds,
  };
}
