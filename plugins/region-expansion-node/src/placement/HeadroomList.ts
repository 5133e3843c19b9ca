import {
  compareHeadroom,
  type CellState,
  type Demand,
  type SearchWork,
} from './cellState';

/** Most cells of one block; a fuller block is split in two. */
const MAX_BLOCK = 64;
/** A block this small is merged into a neighbour when both fit in one. */
const MIN_BLOCK = MAX_BLOCK / 4;

/**
 * Cells in headroom order, and per quota that some of them declare: how
 * many declare it and the most any of those has left. A cell that does not
 * declare a quota is not bounded by it, so while some cell of the block
 * does not declare it, the block may fit any amount of it.
 */
class Block {
  readonly cells: CellState[];
  readonly #declaring = new Map<string, number>();
  readonly #mostLeft = new Map<string, number>();

  constructor(cells: CellState[]) {
    this.cells = cells;
    for (const state of cells) this.#count(state);
  }

  /** Inserts `state` at `index` of the sorted cells. */
  insertAt(index: number, state: CellState): void {
    this.cells.splice(index, 0, state);
    this.#count(state);
  }

  /** Removes the cell at `index` of the sorted cells. */
  removeAt(index: number): void {
    const [state] = this.cells.splice(index, 1);
    for (const quota of state.quotaNames) {
      const declaring = this.#declaring.get(quota)! - 1;
      if (declaring === 0) {
        this.#declaring.delete(quota);
        this.#mostLeft.delete(quota);
        continue;
      }
      this.#declaring.set(quota, declaring);
      // Only the cell that had the most left can lower the most.
      if (state.quotaLeft(quota) >= this.#mostLeft.get(quota)!) {
        let most = -Infinity;
        for (const other of this.cells) {
          if (other.capacityQuotas[quota] !== undefined) {
            most = Math.max(most, other.quotaLeft(quota));
          }
        }
        this.#mostLeft.set(quota, most);
      }
    }
  }

  /** Moves the cells from `index` on into a new block. */
  splitAt(index: number): Block {
    const moved = this.cells.splice(index);
    this.#declaring.clear();
    this.#mostLeft.clear();
    for (const state of this.cells) this.#count(state);
    return new Block(moved);
  }

  /** Appends the cells of the next block (all larger). */
  absorb(next: Block): void {
    for (const state of next.cells) {
      this.cells.push(state);
      this.#count(state);
    }
  }

  /** Whether some cell of the block may have every quota the demand uses. */
  mayFit(demand: Demand): boolean {
    for (const [quota, amount] of demand.quotas) {
      const declaring = this.#declaring.get(quota);
      if (
        declaring === this.cells.length &&
        this.#mostLeft.get(quota)! < amount
      ) {
        return false;
      }
    }
    return true;
  }

  #count(state: CellState): void {
    for (const quota of state.quotaNames) {
      this.#declaring.set(quota, (this.#declaring.get(quota) ?? 0) + 1);
      const left = state.quotaLeft(quota);
      const most = this.#mostLeft.get(quota);
      if (most === undefined || left > most) this.#mostLeft.set(quota, left);
    }
  }
}

/** Index of the first cell of `sorted` not smaller than `state`. */
function lowerBound(sorted: readonly CellState[], state: CellState): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareHeadroom(sorted[mid], state) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first cell of `sorted` with at least `loadUnits` left. */
function firstWithLoad(sorted: readonly CellState[], loadUnits: number) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].remainingLoad < loadUnits) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Cells sorted by {@link compareHeadroom}, in blocks of at most 64 that
 * each know the most any of their cells has left of every quota. Sorting
 * finds the first cell with enough load units left by binary search; cells
 * past it fail only on a quota, and a block whose cells all lack the quota
 * is skipped on its summary, so a run of tenants that each leave a cell
 * short of their quota does not rescan those cells one by one. Inserting
 * or removing a cell moves at most one block's cells.
 */
export class HeadroomList {
  readonly #blocks: Block[] = [];
  readonly #work: SearchWork;
  #size = 0;

  constructor(work: SearchWork) {
    this.#work = work;
  }

  /** Number of cells held. */
  get size(): number {
    return this.#size;
  }

  /** Adds a cell at its place in headroom order. */
  insert(state: CellState): void {
    this.#size++;
    if (this.#blocks.length === 0) {
      this.#blocks.push(new Block([state]));
      return;
    }
    const index = this.#blockOf(state);
    const block = this.#blocks[index];
    block.insertAt(lowerBound(block.cells, state), state);
    if (block.cells.length > MAX_BLOCK) {
      const right = block.splitAt(block.cells.length >>> 1);
      this.#blocks.splice(index + 1, 0, right);
    }
  }

  /**
   * Removes a cell. Call before the cell's headroom changes: it is found by
   * its current place in the order.
   */
  remove(state: CellState): void {
    const index = this.#blockOf(state);
    const block = this.#blocks[index];
    const at = lowerBound(block.cells, state);
    if (block.cells[at] !== state) {
      throw new Error(`cell ${state.id} is not at its place in the index`);
    }
    block.removeAt(at);
    this.#size--;
    if (block.cells.length === 0) {
      this.#blocks.splice(index, 1);
      return;
    }
    const next = this.#blocks[index + 1];
    if (
      block.cells.length < MIN_BLOCK &&
      next &&
      block.cells.length + next.cells.length <= MAX_BLOCK
    ) {
      block.absorb(next);
      this.#blocks.splice(index + 1, 1);
    }
  }

  /**
   * The smallest cell in headroom order that fits the demand and is smaller
   * than `than` (when given), skipping `excludeId`.
   */
  smallestFit(
    demand: Demand,
    excludeId: string | undefined,
    than: CellState | undefined,
  ): CellState | undefined {
    const blocks = this.#blocks;
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const cells = blocks[mid].cells;
      if (cells[cells.length - 1].remainingLoad < demand.loadUnits) {
        low = mid + 1;
      } else high = mid;
    }
    for (let b = low; b < blocks.length; b++) {
      const cells = blocks[b].cells;
      if (than && compareHeadroom(cells[0], than) > 0) return undefined;
      this.#work.blocksExamined++;
      if (!blocks[b].mayFit(demand)) continue;
      for (
        let i = firstWithLoad(cells, demand.loadUnits);
        i < cells.length;
        i++
      ) {
        const state = cells[i];
        if (than && compareHeadroom(state, than) > 0) return undefined;
        this.#work.cellsExamined++;
        if (state.id !== excludeId && state.fits(demand)) return state;
      }
    }
    return undefined;
  }

  /**
   * The largest cell in headroom order that fits the demand and is larger
   * than `than` (when given), skipping `excludeId`.
   */
  largestFit(
    demand: Demand,
    excludeId: string | undefined,
    than: CellState | undefined,
  ): CellState | undefined {
    const blocks = this.#blocks;
    for (let b = blocks.length - 1; b >= 0; b--) {
      const cells = blocks[b].cells;
      const largest = cells[cells.length - 1];
      if (largest.remainingLoad < demand.loadUnits) return undefined;
      if (than && compareHeadroom(largest, than) < 0) return undefined;
      this.#work.blocksExamined++;
      if (!blocks[b].mayFit(demand)) continue;
      for (let i = cells.length - 1; i >= 0; i--) {
        const state = cells[i];
        if (state.remainingLoad < demand.loadUnits) return undefined;
        if (than && compareHeadroom(state, than) < 0) return undefined;
        this.#work.cellsExamined++;
        if (state.id !== excludeId && state.fits(demand)) return state;
      }
    }
    return undefined;
  }

  /** Index of the block that holds, or would hold, `state`. */
  #blockOf(state: CellState): number {
    const blocks = this.#blocks;
    let low = 0;
    let high = blocks.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const cells = blocks[mid].cells;
      if (compareHeadroom(cells[cells.length - 1], state) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
