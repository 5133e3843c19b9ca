import {
  createControlPlaneSchema,
  idSchema,
  regionOf,
  type ControlPlane,
  type ControlPlaneMode,
} from '@region-expansion/plugin-region-expansion-common';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { requireLocation } from '../locations/requireLocation';
import { assertControlPlaneAllowed } from '../placement/rules';
import { parseField, withFieldPrefix } from '../validation/fields';
import { assertControlPlaneMode } from './controlPlaneMode';

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
 * The control plane a Region plan needs. The partition comes from the
 * target location, and the mode must suit it ({@link assertControlPlaneMode}).
 * A global control plane runs in the partition's home Region, a regional or
 * partition control plane in the target's Region. Throws a
 * {@link DomainRuleError} naming `controlPlaneId`, `controlPlaneMode`,
 * `targetLocation` or `controlPlane.<field>`; the control plane returned
 * passes the shared `createControlPlaneSchema` (the body the backend
 * accepts) and {@link assertControlPlaneAllowed}. Pure.
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
  assertControlPlaneMode(input.controlPlaneMode, partition, 'controlPlaneMode');
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
