import {
  createControlPlaneSchema,
  idSchema,
  regionOf,
  type ControlPlane,
  type ControlPlaneMode,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assertControlPlaneAllowed,
  LocationCatalog,
  parseField,
  quoteValue,
  requireLocation,
  withFieldPrefix,
} from '@region-expansion/plugin-region-expansion-node';
import { fieldError } from './errors';

/**
 * Input of {@link planControlPlane}.
 *
 * @public
 */
export interface PlanControlPlaneInput {
  /** Plan name (an id); the control plane id defaults to `<name>-cp`. */
  name: string;
  /** Target location id. */
  targetLocation: string;
  /** Chosen control-plane mode. */
  controlPlaneMode: ControlPlaneMode;
  /**
   * Id of the control plane, checked with the shared `idSchema`; default
   * `<name>-cp`.
   */
  controlPlaneId?: string;
}

/**
 * The control plane a Region plan needs. The partition comes from the target
 * location; a partition that requires its own control plane (every partition
 * but `aws`, notably `aws-eusc`) only allows mode `partition`, and mode
 * `partition` is only for such partitions. A global control plane runs in the
 * partition's home Region, a regional or partition control plane in the
 * target's Region. Throws input errors naming `controlPlaneId`,
 * `controlPlaneMode` or `targetLocation`; the control plane returned passes
 * the shared `createControlPlaneSchema` (the body the backend accepts).
 *
 * @public
 */
export function planControlPlane(
  input: PlanControlPlaneInput,
  catalog: LocationCatalog,
): ControlPlane {
  const { location, partition } = requireLocation(
    catalog,
    input.targetLocation,
    'targetLocation',
  );
  if (input.controlPlaneId !== undefined) {
    parseField(idSchema, input.controlPlaneId, 'controlPlaneId');
  }
  if (
    partition.requiresOwnControlPlane &&
    input.controlPlaneMode !== 'partition'
  ) {
    throw fieldError(
      'controlPlaneMode',
      `${quoteValue(input.controlPlaneMode)} is forbidden in partition ${
        partition.id
      } (${
        partition.name
      }): it shares no credentials, global services or metadata with other partitions, so its cells need a control plane inside it; use 'partition'`,
    );
  }
  if (
    !partition.requiresOwnControlPlane &&
    input.controlPlaneMode === 'partition'
  ) {
    throw fieldError(
      'controlPlaneMode',
      `'partition' is for separate partitions such as aws-eusc; ${location.id} is in ${partition.id}, use 'global' or 'regional'`,
    );
  }
  const homeLocation =
    input.controlPlaneMode === 'global'
      ? partition.homeRegion
      : regionOf(location);
  const controlPlane: ControlPlane = {
    id: input.controlPlaneId ?? `${input.name}-cp`,
    name: `${input.name} control plane (${input.controlPlaneMode})`,
    mode: input.controlPlaneMode,
    partition: partition.id,
    homeLocation,
    managedLocations: [location.id],
  };
  withFieldPrefix('controlPlane', () =>
    assertControlPlaneAllowed(controlPlane, catalog),
  );
  return parseField(createControlPlaneSchema, controlPlane, 'controlPlane');
}
