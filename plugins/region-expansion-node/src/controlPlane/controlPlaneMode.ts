import type { Partition } from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import { quoteValue } from '../validation/fields';

/**
 * Why a control-plane mode is not allowed in a partition, or undefined when
 * it is. A partition that requires its own control plane (every partition
 * but `aws`, notably `aws-eusc`) shares no credentials, global services or
 * metadata with the others, so only mode `partition` is allowed there; and
 * mode `partition` is only for such partitions.
 *
 * @public
 */
export function controlPlaneModeProblem(
  mode: string,
  partition: Pick<Partition, 'id' | 'name' | 'requiresOwnControlPlane'>,
): string | undefined {
  if (partition.requiresOwnControlPlane && mode !== 'partition') {
    return `${quoteValue(mode)} is forbidden in partition ${partition.id} (${
      partition.name
    }): it shares no credentials, global services or metadata with other partitions, so its cells need a control plane inside it; use 'partition'`;
  }
  if (!partition.requiresOwnControlPlane && mode === 'partition') {
    return `'partition' is for separate partitions such as aws-eusc; partition ${partition.id} (${partition.name}) uses 'global' or 'regional'`;
  }
  return undefined;
}

/**
 * Checks a control-plane mode against the partition (see
 * {@link controlPlaneModeProblem}); throws a {@link DomainRuleError}
 * naming `field` (`mode` of a control plane, `controlPlaneMode` of a plan).
 *
 * @public
 */
export function assertControlPlaneMode(
  mode: string,
  partition: Pick<Partition, 'id' | 'name' | 'requiresOwnControlPlane'>,
  field: string = 'mode',
): void {
  const problem = controlPlaneModeProblem(mode, partition);
  if (problem) throw new DomainRuleError(field, problem);
}
