import type {
  Cell,
  ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { findCellOwnViolation } from '../placement/rules';
import { combineSignals } from './combineSignals';

/**
 * The capacity signal of a location from its cells.
 *
 * @remarks
 *
 * Only `active` cells count. No active cell: `unknown` (nothing to judge, and
 * never `pass`). Every active cell full in some dimension (tenants, load
 * units or a declared quota), or the location's aggregate use of a dimension
 * at or above `warnRatio`: `warn`, naming the cells or dimensions. Otherwise
 * `pass`. Capacity never fails: a full location needs another cell, and the
 * placement engine only proposes cells in locations that are not `blocked`.
 *
 * A stored cell that breaks a rule judged from the cell alone (such as a
 * dedicated cell with room for two tenants) is left out by the placement
 * engine; it is named as a blocker, its capacity does not count, and the
 * signal is at least `warn`.
 *
 * @public
 */
export function capacitySignal(
  locationId: string,
  cells: readonly Cell[],
  options: { warnRatio: number },
): ReadinessSignal {
  const left: string[] = [];
  const active = cells.filter(c => {
    if (c.locationId !== locationId || c.lifecycle === 'retired') return false;
    const violation = findCellOwnViolation(c);
    if (violation) {
      left.push(
        `cell ${c.id} is left out of placement: ${violation.field}: ${violation.reason}`,
      );
      return false;
    }
    return c.lifecycle === 'active';
  });
  if (!active.length) {
    return {
      status: 'unknown',
      detail: left.length
        ? `no active cell in ${locationId} that placement uses: capacity cannot be judged, not passed`
        : `no active cell in ${locationId}: capacity cannot be judged, not passed`,
      blockers: left,
    };
  }
  const judged = judgeCapacity(locationId, active, options);
  if (!left.length) return judged;
  return combineSignals(judged, {
    status: 'warn',
    detail: `${left.length} cell(s) in ${locationId} left out of placement because their stored data breaks a rule`,
    blockers: left,
  });
}

function judgeCapacity(
  locationId: string,
  active: readonly Cell[],
  options: { warnRatio: number },
): ReadinessSignal {
  const full = (cell: Cell): string[] => {
    const reasons: string[] = [];
    if (cell.usage.tenants >= cell.capacity.tenants) {
      reasons.push(`tenants ${cell.usage.tenants}/${cell.capacity.tenants}`);
    }
    if (cell.usage.loadUnits >= cell.capacity.loadUnits) {
      reasons.push(
        `load units ${cell.usage.loadUnits}/${cell.capacity.loadUnits}`,
      );
    }
    for (const [quota, max] of Object.entries(cell.capacity.quotas)) {
      const used = cell.usage.quotas[quota] ?? 0;
      if (used >= max) reasons.push(`${quota} ${used}/${max}`);
    }
    return reasons;
  };
  const fullCells = active.map(c => ({ id: c.id, reasons: full(c) }));
  if (fullCells.every(c => c.reasons.length)) {
    return {
      status: 'warn',
      detail: `all ${active.length} active cells in ${locationId} are full`,
      blockers: fullCells.map(c => `cell ${c.id} is full (${c.reasons})`),
    };
  }

  const totals = new Map<string, { used: number; max: number }>();
  const add = (dimension: string, used: number, max: number) => {
    const total = totals.get(dimension) ?? { used: 0, max: 0 };
    totals.set(dimension, { used: total.used + used, max: total.max + max });
  };
  for (const cell of active) {
    add('tenants', cell.usage.tenants, cell.capacity.tenants);
    add('load units', cell.usage.loadUnits, cell.capacity.loadUnits);
    for (const [quota, max] of Object.entries(cell.capacity.quotas)) {
      add(quota, cell.usage.quotas[quota] ?? 0, max);
    }
  }
  const percent = (used: number, max: number) =>
    max > 0 ? Math.round((used / max) * 100) : 100;
  const tight = [...totals]
    .filter(([, t]) => t.max <= 0 || t.used / t.max >= options.warnRatio)
    .map(
      ([name, t]) => `${name} ${t.used}/${t.max} (${percent(t.used, t.max)}%)`,
    );
  const usage = [...totals]
    .map(([name, t]) => `${name} ${percent(t.used, t.max)}%`)
    .join(', ');
  if (tight.length) {
    return {
      status: 'warn',
      detail: `${
        active.length
      } active cells in ${locationId} are at or above ${Math.round(
        options.warnRatio * 100,
      )}% in some dimension (${usage})`,
      blockers: tight.map(t => `headroom low: ${t}`),
    };
  }
  return {
    status: 'pass',
    detail: `${active.length} active cells in ${locationId} have headroom (${usage})`,
    blockers: [],
  };
}
