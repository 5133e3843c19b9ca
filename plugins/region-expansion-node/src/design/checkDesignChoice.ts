import {
  ARCHITECTURE_RULES,
  type ArchitectureAdvice,
  type ArchitectureChoice,
  type DesignChoice,
  type DesignField,
  type DesignViolation,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Each part's options, weakest first: a choice before the advised one in
 * its list is weaker than advised. An external key store keeps key material
 * outside AWS, so it is at least as strong as CloudHSM.
 */
const STRENGTH: Record<DesignField, readonly string[]> = {
  controlPlane: ['global', 'regional', 'partition'],
  isolation: ['pool', 'bridge', 'silo'],
  encryption: [
    'aws-managed-key',
    'customer-managed-kms-key',
    'cloudhsm',
    'external-key-store',
  ],
};

/** Order in which the parts are checked and reported. */
const FIELDS: readonly DesignField[] = [
  'controlPlane',
  'isolation',
  'encryption',
];

/** The reason the advice gives for its deciding rule, else the rule's text. */
function deciding(choice: ArchitectureChoice<string>): string {
  const index = choice.rules.lastIndexOf(choice.rule);
  return index >= 0 ? choice.rationale[index] : ARCHITECTURE_RULES[choice.rule];
}

/**
 * Each chosen part of a design that is weaker than the advice, with what
 * the advice requires and the rule that requires it. A part the design
 * leaves out is not checked; a stronger choice is never a violation.
 *
 * @public
 */
export function checkDesignChoice(
  advice: ArchitectureAdvice,
  chosen: DesignChoice,
): DesignViolation[] {
  const violations: DesignViolation[] = [];
  for (const field of FIELDS) {
    const picked = chosen[field];
    if (picked === undefined) continue;
    const advised = advice[field];
    const order = STRENGTH[field];
    if (order.indexOf(picked) >= order.indexOf(advised.choice)) continue;
    violations.push({
      field,
      chosen: picked,
      required: advised.choice,
      rule: advised.rule,
      reason: `${picked} is weaker than the ${advised.choice} that rule ${
        advised.rule
      } requires in ${advice.target}: ${deciding(advised)}`,
    });
  }
  return violations;
}
