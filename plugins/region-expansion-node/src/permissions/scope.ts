import { InputError } from '@backstage/errors';
import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { describeZodError } from '@region-expansion/plugin-region-expansion-common';
import { z } from 'zod';
import {
  RegionExpansionScopedResource,
  RegionExpansionScopeQuery,
} from './resourceRef';
import { regionExpansionLocationRules } from './rules';

/**
 * The conditions of a conditional decision as store queries: what a caller
 * may see, with `allOf`, `anyOf` and `not` kept.
 *
 * @public
 */
export type RegionExpansionScope =
  PermissionCriteria<RegionExpansionScopeQuery>;

const RULES: Record<string, { paramsSchema: z.ZodType; toQuery: Function }> =
  regionExpansionLocationRules as any;

function toScope(
  criteria: PermissionCriteria<PermissionCondition>,
  at: string,
): RegionExpansionScope {
  if ('allOf' in criteria) {
    return {
      allOf: criteria.allOf.map((c, i) => toScope(c, `${at}.allOf[${i}]`)),
    } as RegionExpansionScope;
  }
  if ('anyOf' in criteria) {
    return {
      anyOf: criteria.anyOf.map((c, i) => toScope(c, `${at}.anyOf[${i}]`)),
    } as RegionExpansionScope;
  }
  if ('not' in criteria) {
    return { not: toScope(criteria.not, `${at}.not`) };
  }
  const rule = RULES[criteria.rule];
  if (!rule || !Object.hasOwn(RULES, criteria.rule)) {
    throw new InputError(
      `${at}.rule: '${
        criteria.rule
      }' is not a rule of region-expansion-location (one of ${Object.keys(
        RULES,
      ).join(', ')})`,
    );
  }
  const parsed = rule.paramsSchema.safeParse(criteria.params);
  if (!parsed.success) {
    const reasons = describeZodError(parsed.error)
      .split('; ')
      .map(part => `${at}.${criteria.rule}.${part}`);
    throw new InputError(reasons.join('; '));
  }
  return rule.toQuery(parsed.data);
}

/**
 * The conditions of a conditional decision as a {@link RegionExpansionScope},
 * every rule's params checked: an unknown rule or a bad param is an
 * `InputError` naming it (`conditions.isInPartition.partitions.0: ...`).
 *
 * @public
 */
export function scopeFromConditions(
  conditions: PermissionCriteria<PermissionCondition>,
): RegionExpansionScope {
  return toScope(conditions, 'conditions');
}

/**
 * Whether a resource is inside a scope; without a scope (an unconditional
 * ALLOW) everything is.
 *
 * @public
 */
export function isInScope(
  scope: RegionExpansionScope | undefined,
  resource: RegionExpansionScopedResource,
): boolean {
  if (!scope) return true;
  if ('allOf' in scope) return scope.allOf.every(s => isInScope(s, resource));
  if ('anyOf' in scope) return scope.anyOf.some(s => isInScope(s, resource));
  if ('not' in scope) return !isInScope(scope.not, resource);
  const value = resource[scope.key];
  return value !== undefined && scope.values.includes(value);
}
