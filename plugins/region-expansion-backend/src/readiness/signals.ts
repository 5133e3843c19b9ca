import {
  Cell,
  ControlPlane,
  Location,
  Partition,
  ReadinessBlocker,
  ReadinessSignal,
  ReadinessSignalStatus,
} from '@region-expansion/plugin-region-expansion-common';
import { findCellOwnViolation } from '@region-expansion/plugin-region-expansion-node';

const SEVERITY: Record<ReadinessSignalStatus, number> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/**
 * Combines two signals of the same check: the worse status wins, details
 * and blockers of both are kept. `unknown` is worse than `pass`, so a
 * missing piece of evidence can never be hidden by a passing one.
 *
 * @public
 */
export function combineSignals(
  a: ReadinessSignal,
  b: ReadinessSignal | undefined,
): ReadinessSignal {
  if (!b) return a;
  const worse = SEVERITY[b.status] > SEVERITY[a.status] ? b : a;
  return {
    ...worse,
    detail: `${a.detail}; ${b.detail}`,
    blockers: [...a.blockers, ...b.blockers],
  };
}

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

/**
 * The control-plane half of the sovereignty signal: does a suitable control
 * plane manage the location? Suitable means in the location's partition,
 * managing the location (or the parent Region of a Local Zone or Outpost),
 * and, in a partition that requires its own control plane, of mode
 * `partition`.
 *
 * @remarks
 *
 * Without one: `fail` in a partition that requires its own control plane
 * (tenant metadata would have to leave the partition), `warn` elsewhere (no
 * tenant can be placed yet). Whether the control plane's own location may
 * hold the tenant metadata is judged by the residency rules of the node
 * library; this function only finds the control plane.
 *
 * @public
 */
export function findControlPlane(
  location: Location,
  partition: Partition | undefined,
  controlPlanes: readonly ControlPlane[],
): {
  controlPlane?: ControlPlane;
  signal?: ReadinessSignal;
  blockers: ReadinessBlocker[];
} {
  const managed = [location.id, location.parentRegion].filter(
    (id): id is string => Boolean(id),
  );
  const candidates = controlPlanes.filter(
    cp =>
      cp.partition === location.partition &&
      (managed.includes(cp.homeLocation) ||
        cp.managedLocations.some(id => managed.includes(id))),
  );
  const suitable = partition?.requiresOwnControlPlane
    ? candidates.filter(cp => cp.mode === 'partition')
    : candidates;
  if (suitable.length) return { controlPlane: suitable[0], blockers: [] };
  if (partition?.requiresOwnControlPlane) {
    const detail = `partition ${location.partition} requires its own control plane inside it; none of mode 'partition' manages ${location.id}`;
    return {
      signal: { status: 'fail', detail, blockers: [detail] },
      blockers: [
        {
          check: 'sovereignty',
          detail,
          remediation: `run a control plane of mode 'partition' in ${partition.homeRegion} with the partition's own credentials and let it manage ${location.id}`,
        },
      ],
    };
  }
  return {
    signal: {
      status: 'warn',
      detail: `no control plane manages ${location.id} yet, so no tenant can be placed there; add it to a control plane of partition ${location.partition}`,
      blockers: [],
    },
    blockers: [],
  };
}
