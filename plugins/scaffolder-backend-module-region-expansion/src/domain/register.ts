import type {
  Cell,
  ControlPlane,
} from '@region-expansion/plugin-region-expansion-common';
import type { PlannedCell } from './cellPlan';

/**
 * What registering a plan must do, given what the control plane already
 * holds: create missing objects, accept identical ones, and name conflicts.
 *
 * @public
 */
export interface RegistrationDiff {
  /** The planned control plane when none is stored; absent when it exists. */
  createControlPlane?: ControlPlane;
  /** Planned cells with no stored cell of the same id. */
  createCells: PlannedCell[];
  /**
   * Ids of the planned control plane and cells that are already stored,
   * whether they match or conflict.
   */
  existingIds: string[];
  /**
   * One message per differing field of a stored object, starting with the
   * input field (`controlPlaneId:` or `cells:`); empty when nothing conflicts.
   */
  conflicts: string[];
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, val]) => [k, canonical(val)]),
    );
  }
  return v;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Compares the planned control plane and cells with the stored ones. A
 * stored object with the same id is accepted when its defining fields match
 * (a cell may have moved on in its lifecycle or gained a new name); any
 * other difference is a conflict with the reason. Pure.
 *
 * @public
 */
export function diffRegistration(
  planned: { controlPlane: ControlPlane; cells: PlannedCell[] },
  existing: { controlPlane?: ControlPlane; cells: Cell[] },
): RegistrationDiff {
  const conflicts: string[] = [];
  const existingIds: string[] = [];
  let createControlPlane: ControlPlane | undefined;
  const cp = planned.controlPlane;
  if (!existing.controlPlane) {
    createControlPlane = cp;
  } else {
    existingIds.push(cp.id);
    const stored = existing.controlPlane;
    for (const field of ['mode', 'partition', 'homeLocation'] as const) {
      if (stored[field] !== cp[field]) {
        conflicts.push(
          `controlPlaneId: control plane '${cp.id}' already exists with ${field} '${stored[field]}', the plan needs '${cp[field]}'`,
        );
      }
    }
    for (const location of cp.managedLocations) {
      if (!stored.managedLocations.includes(location)) {
        conflicts.push(
          `controlPlaneId: control plane '${cp.id}' already exists and does not manage ${location}`,
        );
      }
    }
  }
  const stored = new Map(existing.cells.map(c => [c.id, c]));
  const createCells: PlannedCell[] = [];
  for (const cell of planned.cells) {
    const current = stored.get(cell.id);
    if (!current) {
      createCells.push(cell);
      continue;
    }
    existingIds.push(cell.id);
    for (const field of [
      'locationId',
      'controlPlaneId',
      'isolation',
      'accountId',
      'specVersion',
      'capacity',
    ] as const) {
      if (!sameJson(current[field], cell[field])) {
        conflicts.push(
          `cells: cell '${
            cell.id
          }' already exists with a different ${field} (${JSON.stringify(
            current[field],
          )}, the plan says ${JSON.stringify(cell[field])})`,
        );
      }
    }
  }
  return { createControlPlane, createCells, existingIds, conflicts };
}
