import type {
  CellIsolation,
  CellLifecycle,
} from '@region-expansion/plugin-region-expansion-common';
import type { CellState, Demand, SearchWork } from './cellState';
import { HeadroomList } from './HeadroomList';

/** The open cells of a group that have exhausted the same quotas. */
interface OpenList {
  /** Declared quotas with nothing left, sorted; empty for the main list. */
  readonly exhausted: readonly string[];
  readonly cells: HeadroomList;
}

const NONE_EXHAUSTED: readonly string[] = [];

/** Whether the demand uses a quota the list's cells have exhausted. */
function usesExhausted(demand: Demand, list: OpenList): boolean {
  for (const [quota, amount] of demand.quotas) {
    if (amount > 0 && list.exhausted.includes(quota)) return true;
  }
  return false;
}

/**
 * The cells of one location with one isolation and one lifecycle. The cells
 * that can take a tenant are "open", held in {@link HeadroomList}s so a
 * decision binary-searches instead of scanning every cell.
 *
 * A cell that has exhausted a declared quota can still take a tenant that
 * does not use that quota, but no tenant that does; looking at such cells
 * one by one made a run of quota-using tenants quadratic. So open cells are
 * listed apart by the set of quotas they have exhausted, and a search skips
 * every list that has exhausted a quota the tenant uses without looking at
 * its cells.
 */
export class CellGroup {
  readonly cells: CellState[] = [];
  readonly #open = new Map<string, OpenList>();
  readonly #work: SearchWork;

  constructor(
    readonly locationId: string,
    readonly isolation: CellIsolation,
    readonly lifecycle: CellLifecycle,
    work: SearchWork,
  ) {
    this.#work = work;
  }

  add(state: CellState): void {
    this.cells.push(state);
    this.#insertIfOpen(state);
  }

  /** Changes a cell's usage and keeps the open lists in order. */
  update(state: CellState, demand: Demand, sign: 1 | -1): void {
    if (state.openKey !== undefined) {
      const list = this.#open.get(state.openKey)!;
      list.cells.remove(state);
      if (list.cells.size === 0) this.#open.delete(state.openKey);
      state.openKey = undefined;
    }
    state.apply(demand, sign);
    this.#insertIfOpen(state);
  }

  /** Smallest open cell (in headroom order) that fits, skipping `excludeId`. */
  smallestFit(demand: Demand, excludeId?: string): CellState | undefined {
    return this.#best(demand, (cells, best) =>
      cells.smallestFit(demand, excludeId, best),
    );
  }

  /** Largest open cell (in headroom order) that fits, skipping `excludeId`. */
  largestFit(demand: Demand, excludeId?: string): CellState | undefined {
    return this.#best(demand, (cells, best) =>
      cells.largestFit(demand, excludeId, best),
    );
  }

  /**
   * The best cell `fit` finds over the open lists the demand may use, each
   * list asked for a cell better than the best so far.
   */
  #best(
    demand: Demand,
    fit: (cells: HeadroomList, best?: CellState) => CellState | undefined,
  ): CellState | undefined {
    let best: CellState | undefined;
    for (const list of this.#open.values()) {
      if (!usesExhausted(demand, list)) best = fit(list.cells, best) ?? best;
    }
    return best;
  }

  #insertIfOpen(state: CellState): void {
    if (!state.canTakeAnyTenant()) return;
    // Most cells have exhausted nothing: no list or JSON key to build.
    const exhausted = state.hasExhaustedQuota()
      ? state.exhaustedQuotas()
      : NONE_EXHAUSTED;
    const key = exhausted.length === 0 ? '' : JSON.stringify(exhausted);
    let list = this.#open.get(key);
    if (!list) {
      list = { exhausted, cells: new HeadroomList(this.#work) };
      this.#open.set(key, list);
    }
    list.cells.insert(state);
    state.openKey = key;
  }
}
