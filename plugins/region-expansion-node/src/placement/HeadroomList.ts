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

interface Block {
  /** Sorted by {@link compareHeadroom}. */
  cells: CellState[];
  /**
   * Per quota that a cell of the block declares: the most any cell of the
   * block has left (`Infinity` when some cell does not declare it, since an
   * undeclared quota does not bound the cell).
   */
  quotaLeft: Map<string, number>;
}

function summarize(block: Block): void {
  const left = new Map<string, number>();
  const declaredBy = new Map<string, number>();
  for (const state of block.cells) {
    for (const quota of state.quotaNames) {
      const room = state.quotaLeft(quota);
      const best = left.get(quota);
      if (best === undefined || room > best) left.set(quota, room);
      declaredBy.set(quota, (declaredBy.get(quota) ?? 0) + 1);
    }
  }
  for (const [quota, count] of declaredBy) {
    if (count < block.cells.length) left.set(quota, Infinity);
  }
  block.quotaLeft = left;
}

function newBlock(cells: CellState[]): Block {
  const block = { cells, quotaLeft: new Map<string, number>() };
  summarize(block);
  return block;
}

/** Whether some cell of the block may have every quota the demand uses. */
function mayFit(block: Block, demand: Demand): boolean {
  for (const [quota, amount] of demand.quotas) {
    const left = block.quotaLeft.get(quota);
    if (left !== undefined && left < amount) return false;
  }
  return true;
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
      this.#blocks.push(newBlock([state]));
      return;
    }
    const index = this.#blockOf(state);
    const block = this.#blocks[index];
    block.cells.splice(lowerBound(block.cells, state), 0, state);
    if (block.cells.length > MAX_BLOCK) {
      const right = newBlock(block.cells.splice(block.cells.length >>> 1));
      this.#blocks.splice(index + 1, 0, right);
    }
    summarize(block);
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
    block.cells.splice(at, 1);
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
      block.cells.push(...next.cells);
      this.#blocks.splice(index + 1, 1);
    }
    summarize(block);
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
      if (!mayFit(blocks[b], demand)) continue;
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
      if (!mayFit(blocks[b], demand)) continue;
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
