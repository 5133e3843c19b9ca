/**
 * What a bench started (servers, databases, backends), stopped in reverse
 * order when it ends, even after a failure, so the process can exit.
 */
export class Cleanups {
  readonly #steps: Array<() => unknown> = [];

  /**
   * Registers a stop step; returns a function that runs it now (once) and
   * takes it off the list, for what a bench stops before it ends.
   */
  add(step: () => unknown): () => Promise<void> {
    this.#steps.push(step);
    return async () => {
      const index = this.#steps.indexOf(step);
      if (index === -1) return;
      this.#steps.splice(index, 1);
      await step();
    };
  }

  /** Runs every step, newest first; a failing step does not skip the others. */
  async run(): Promise<void> {
    while (this.#steps.length) {
      const step = this.#steps.pop()!;
      try {
        await step();
      } catch (error) {
        // eslint-disable-next-line no-console
        console.error(`cleanup failed: ${error}`);
      }
    }
  }
}
