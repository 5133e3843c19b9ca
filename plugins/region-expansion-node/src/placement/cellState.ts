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
 * Work done by the searches of one engine (and of the what-ifs run on its
 * copies). Tests and benchmarks read it to prove that a decision does not
 * scan every cell.
 */
export interface SearchWork {
  /** Cells whose fit was checked one by one. */
  cellsExamined: number;
  /** Blocks of cells judged (and mostly skipped) by their summary. */
  blocksExamined: number;
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
  /** Declared quota names, so the index's hot paths iterate an array. */
  readonly quotaNames: readonly string[];
  usedTenants: number;
  usedLoad: number;
  usedQuotas: Record<string, number>;
  remainingLoad: number;
  remainingTenants: number;
  /** Key of the group's open list that holds the cell; unset when closed. */
  openKey: string | undefined;

  constructor(cell: Cell) {
    this.cell = cell;
    this.id = cell.id;
    this.isolation = cell.isolation;
    this.lifecycle = cell.lifecycle;
    this.capacityLoad = cell.capacity.loadUnits;
    this.capacityTenants = cell.capacity.tenants;
    this.capacityQuotas = cell.capacity.quotas;
    this.quotaNames = Object.keys(cell.capacity.quotas).sort();
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

  /** What is left of a declared quota (`Infinity` when undeclared). */
  quotaLeft(quota: string): number {
    const limit = this.capacityQuotas[quota];
    return limit === undefined
      ? Infinity
      : limit - (this.usedQuotas[quota] ?? 0);
  }

  /** Whether some declared quota has nothing left. */
  hasExhaustedQuota(): boolean {
    for (const quota of this.quotaNames) {
      if (this.quotaLeft(quota) <= 0) return true;
    }
    return false;
  }

  /** Declared quotas with nothing left, sorted by name. */
  exhaustedQuotas(): string[] {
    return this.quotaNames.filter(quota => this.quotaLeft(quota) <= 0);
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
