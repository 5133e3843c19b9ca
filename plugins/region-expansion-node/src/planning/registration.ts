import type {
  Cell,
  ControlPlane,
  ControlPlaneMode,
} from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { quoteValue } from '../validation/fields';
import { parsePlannedCells, type PlannedCell } from './cellPlan';
import { assertPlannedCellAllowed, planTarget } from './planTarget';

/**
 * Input of {@link planRegistration}: the wizard's choices and the cells of
 * `region-expansion:plan-cells`.
 *
 * @public
 */
export interface RegistrationInput {
  /** Plan name matching `PLAN_NAME_PATTERN`. */
  name: string;
  /** Id of the location the cells are planned in. */
  targetLocation: string;
  /** Control-plane mode, checked against the target's partition. */
  controlPlaneMode: ControlPlaneMode;
  /** Id of the control plane; default `<name>-cp`. */
  controlPlaneId?: string;
  /** The planned cells, as `region-expansion:plan-cells` outputs them. */
  cells: readonly unknown[];
}

/**
 * What registering a plan writes, checked whole before the first write: the
 * plan name, the control plane (the shared `createControlPlaneSchema` and
 * the partition rules), and every cell (see `parsePlannedCells`) managed by
 * that control plane, in the target location, and allowed there by the
 * node library's `assertCellAllowed`, as the backend will check it. Throws
 * an input error naming the field (`name`, `controlPlaneId`,
 * `cells.<index>.<field>`). Pure.
 *
 * @public
 */
export function planRegistration(
  input: RegistrationInput,
  catalog: LocationCatalog,
): { controlPlane: ControlPlane; cells: PlannedCell[] } {
  const target = planTarget(input, catalog);
  const { location, controlPlane } = target;
  const cells = parsePlannedCells(input.cells);
  cells.forEach((cell, index) => {
    if (cell.controlPlaneId !== controlPlane.id) {
      throw new DomainRuleError(
        `cells.${index}.controlPlaneId`,
        `${quoteValue(
          cell.controlPlaneId,
        )} differs from the plan's control plane '${controlPlane.id}'`,
      );
    }
    if (cell.locationId !== location.id) {
      throw new DomainRuleError(
        `cells.${index}.locationId`,
        `${quoteValue(cell.locationId)} differs from targetLocation '${
          location.id
        }'`,
      );
    }
    assertPlannedCellAllowed(cell, index, target);
  });
  return { controlPlane, cells };
}

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
