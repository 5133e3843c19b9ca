/**
 * A counter of work running at once in this process, with a fixed bound:
 * `tryAcquire` takes a slot or says no at once (no queue, so a burst of
 * uploads cannot pile up memory behind the bound).
 *
 * @public
 */
export class ConcurrencyLimiter {
  readonly #max: number;
  #active = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new Error(
        `ConcurrencyLimiter: '${max}' must be a whole number, at least 1`,
      );
    }
    this.#max = max;
  }

  /** Most slots taken at once. */
  get max(): number {
    return this.#max;
  }

  /** Slots taken now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Takes a slot: a function that gives it back (calling it again does
   * nothing), or undefined when every slot is taken.
   */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.#max) return undefined;
    this.#active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
    };
  }
}
