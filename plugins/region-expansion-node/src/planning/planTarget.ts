import type {
  ControlPlane,
  Location,
  Partition,
} from '@region-expansion/plugin-region-expansion-common';
import {
  planControlPlane,
  type PlanControlPlaneInput,
} from '../controlPlane/planControlPlane';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { requireLocation } from '../locations/requireLocation';
import { assertCellAllowed } from '../placement/rules';
import { withFieldPrefix } from '../validation/fields';
import { assertPlanName, type PlannedCell } from './cellPlan';

/** Where a plan goes: its target location, partition and control plane. */
export interface PlanTarget {
  location: Location;
  partition: Partition;
  controlPlane: ControlPlane;
}

/**
 * The target of a plan whose name, location and control plane are checked
 * in that order; throws naming `name`, `targetLocation`, `controlPlaneId`
 * or `controlPlaneMode`.
 */
export function planTarget(
  input: PlanControlPlaneInput,
  catalog: LocationCatalog,
): PlanTarget {
  assertPlanName(input.name);
  const { location, partition } = requireLocation(
    catalog,
    input.targetLocation,
    'targetLocation',
  );
  return {
    location,
    partition,
    controlPlane: planControlPlane(input, catalog),
  };
}

/**
 * Checks a planned cell with the rules the backend applies to a stored one
 * (`assertCellAllowed`, as a new empty cell), naming `cells.<index>`.
 */
export function assertPlannedCellAllowed(
  cell: PlannedCell,
  index: number,
  { location, partition, controlPlane }: PlanTarget,
): void {
  withFieldPrefix(`cells.${index}`, () =>
    assertCellAllowed(
      {
        ...cell,
        partition: location.partition,
        usage: { tenants: 0, loadUnits: 0, quotas: {} },
      },
      location,
      controlPlane,
      partition,
    ),
  );
}
