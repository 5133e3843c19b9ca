/** Buffered findings of a target written without waiting for a cursor (providers that set none). */
export const FLUSH_ROWS = 1000;

/**
 * Findings writes queued or running at once across all targets of one
 * provider run. Below the default database pool (10 connections), so the
 * run's writes never wait in knex's pool past its acquire timeout and the
 * API's reads still get a connection.
 */
export const DEFAULT_WRITE_BUDGET = 8;

/**
 * Findings buffered (handed over, not yet queued for writing) across all
 * targets of one run; past it the oldest buffers are written early, so a run
 * over thousands of small targets without cursors does not hold every row
 * until the provider returns.
 */
export const MAX_BUFFERED_ROWS = 20 * FLUSH_ROWS;

/** A target's write-behind whose buffered rows can be written early. */
export interface BufferedWriter {
  /** Queues the buffered rows (with a slot taken from the budget). */
  flush(): Promise<void>;
}

/**
 * Shared by every writer of one provider run: at most `slots` writes are
 * queued or running in total (a writer waits for a slot before queueing, so
 * the wait reaches the provider through its write or cursor call), and the
 * rows buffered in total stay at most `maxBufferedRows` plus the page being
 * added.
 */
export class WriteBudget {
  readonly #slots: number;
  readonly #maxBufferedRows: number;
  #used = 0;
  readonly #waiting: (() => void)[] = [];
  #bufferedRows = 0;
  /** Writers holding buffered rows, oldest buffer first. */
  readonly #buffering = new Set<BufferedWriter>();

  constructor(slots: number, maxBufferedRows: number) {
    this.#slots = slots;
    this.#maxBufferedRows = maxBufferedRows;
  }

  /** Resolves when a write may be queued; pair with {@link release}. */
  async acquire(): Promise<void> {
    if (this.#used < this.#slots) {
      this.#used += 1;
      return;
    }
    await new Promise<void>(resolve => this.#waiting.push(resolve));
  }

  /** Frees a write's slot: the longest waiter takes it over. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#used -= 1;
  }

  buffered(writer: BufferedWriter, rows: number): void {
    this.#bufferedRows += rows;
    if (rows > 0) this.#buffering.add(writer);
  }

  /** The writer's buffer of `rows` rows was queued or dropped. */
  unbuffered(writer: BufferedWriter, rows: number): void {
    this.#bufferedRows -= rows;
    this.#buffering.delete(writer);
  }

  /** Writes the oldest buffers until the run's buffered rows are in bounds. */
  async flushOverflow(): Promise<void> {
    while (this.#bufferedRows > this.#maxBufferedRows) {
      const [oldest] = this.#buffering;
      if (!oldest) return;
      await oldest.flush();
    }
  }
}
