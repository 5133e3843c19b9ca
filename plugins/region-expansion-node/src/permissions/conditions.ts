import { createConditionExports } from '@backstage/plugin-permission-node';
import { regionExpansionLocationResourceRef } from './resourceRef';
import { regionExpansionLocationRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: regionExpansionLocationResourceRef,
  rules: regionExpansionLocationRules,
});

/**
 * Conditions for permission policies, one per rule:
 * `regionExpansionConditions.isInPartition({ partitions: ['aws-eusc'] })`.
 *
 * @public
 */
export const regionExpansionConditions = conditions;

/**
 * A conditional decision for a permission of the
 * `region-expansion-location` resource type, for permission policies.
 *
 * @public
 */
export const createRegionExpansionConditionalDecision =
  createConditionalDecision;
