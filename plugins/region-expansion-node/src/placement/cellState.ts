import type {
  Capacity,
  Cell,
  CellIsolation,
  CellLifecycle,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * What one tenant adds to a cell. Internal to the placement engine.
 */
export interface Demand {
  tier: TenantTier;
  isolation: CellIsolation;
  loadUnits: number;
  /** Named quotas as pairs, so the hot path iterates an array. */
  quotas: [string, number][];
}

/**
 * Mutable usage of one cell inside the engine; the input `Cell` is never
 * changed. `remainingLoad` and `remainingTenants` are kept as fields because
 * they are the sort keys of the per-group index.
 */
export class CellState {
  readonly cell: Cell;
  readonly id: string;
  readonly isolation: CellIsolation;
  readonly lifecycle: CellLifecycle;
  readonly capacityLoad: number;
  readonly capacityTenants: number;
  readonly capacityQuotas: Readonly<Record<string, number>>;
  usedTenants: number;
  usedLoad: number;
  usedQuotas: Record<string, number>;
  remainingLoad: number;
  remainingTenants: number;
  /** Whether the cell is currently in its group's `open` list. */
  open = false;

  constructor(cell: Cell) {
    this.cell = cell;
    this.id = cell.id;
    this.isolation = cell.isolation;
    this.lifecycle = cell.lifecycle;
    this.capacityLoad = cell.capacity.loadUnits;
    this.capacityTenants = cell.capacity.tenants;
    this.capacityQuotas = cell.capacity.quotas;
    this.usedTenants = cell.usage.tenants;
    this.usedLoad = cell.usage.loadUnits;
    this.usedQuotas = { ...cell.usage.quotas };
    this.remainingLoad = this.capacityLoad - this.usedLoad;
    this.remainingTenants = this.capacityTenants - this.usedTenants;
  }

  /**
   * Whether the cell can take any tenant at all: a tenant slot is free, and
   * a dedicated cell is still empty (only silo tenants use dedicated cells,
   * and a silo tenant needs the cell to itself).
   */
  canTakeAnyTenant(): boolean {
    return (
      this.remainingTenants > 0 &&
      (this.isolation === 'pooled' || this.usedTenants === 0)
    );
  }

  /** Whether the demand fits in every dimension. */
  fits(demand: Demand): boolean {
    if (!this.canTakeAnyTenant() || this.remainingLoad < demand.loadUnits) {
      return false;
    }
    for (const [quota, amount] of demand.quotas) {
      const limit = this.capacityQuotas[quota];
      // A quota the cell does not declare is not bounded by the cell spec.
      if (
        limit !== undefined &&
        limit - (this.usedQuotas[quota] ?? 0) < amount
      ) {
        return false;
      }
    }
    return true;
  }

  /** Adds (`sign` 1) or removes (`sign` -1) one tenant's demand. */
  apply(demand: Demand, sign: 1 | -1): void {
    this.usedTenants += sign;
    this.usedLoad += sign * demand.loadUnits;
    for (const [quota, amount] of demand.quotas) {
      this.usedQuotas[quota] = (this.usedQuotas[quota] ?? 0) + sign * amount;
    }
    this.remainingLoad = this.capacityLoad - this.usedLoad;
    this.remainingTenants = this.capacityTenants - this.usedTenants;
  }

  /** Current usage as plain data. */
  usage(): Capacity {
    return {
      tenants: this.usedTenants,
      loadUnits: this.usedLoad,
      quotas: { ...this.usedQuotas },
    };
  }
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Total order of cells by remaining headroom: load units, then tenant slots,
 * then id. `pack` takes the smallest cell in this order that fits, `spread`
 * the largest. The id makes ties deterministic.
 */
export function compareHeadroom(a: CellState, b: CellState): number {
  return (
    a.remainingLoad - b.remainingLoad ||
    a.remainingTenants - b.remainingTenants ||
    compareIds(a.id, b.id)
  );
}

/**
 * The cells of one location with one isolation and one lifecycle. `open`
 * holds the cells that can take a tenant, sorted by {@link compareHeadroom},
 * so a decision binary-searches instead of scanning every cell.
 */
export class CellGroup {
  readonly cells: CellState[] = [];
  readonly open: CellState[] = [];

  constructor(
    readonly locationId: string,
    readonly isolation: CellIsolation,
    readonly lifecycle: CellLifecycle,
  ) {}

  add(state: CellState): void {
    this.cells.push(state);
    this.#insertIfOpen(state);
  }

  /** Changes a cell's usage and keeps `open` sorted. */
  update(state: CellState, demand: Demand, sign: 1 | -1): void {
    if (state.open) {
      const index = this.#lowerBound(state);
      this.open.splice(index, 1);
      state.open = false;
    }
    state.apply(demand, sign);
    this.#insertIfOpen(state);
  }

  /** Smallest open cell (in headroom order) that fits, skipping `excludeId`. */
  smallestFit(demand: Demand, excludeId?: string): CellState | undefined {
    const open = this.open;
    let low = 0;
    let high = open.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (open[mid].remainingLoad < demand.loadUnits) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < open.length; i++) {
      const state = open[i];
      if (state.id !== excludeId && state.fits(demand)) return state;
    }
    return undefined;
  }

  /** Largest open cell (in headroom order) that fits, skipping `excludeId`. */
  largestFit(demand: Demand, excludeId?: string): CellState | undefined {
    const open = this.open;
    for (let i = open.length - 1; i >= 0; i--) {
      const state = open[i];
      if (state.remainingLoad < demand.loadUnits) return undefined;
      if (state.id !== excludeId && state.fits(demand)) return state;
    }
    return undefined;
  }

  #insertIfOpen(state: CellState): void {
    if (!state.canTakeAnyTenant()) return;
    this.open.splice(this.#lowerBound(state), 0, state);
    state.open = true;
  }

  /** Index of the first open cell not smaller than `state`. */
  #lowerBound(state: CellState): number {
    let low = 0;
    let high = this.open.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareHeadroom(this.open[mid], state) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
