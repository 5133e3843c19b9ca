/**
 * The plugin's background runs (scheduled readiness evaluations,
 * availability refreshes and governance syncs), stopped and waited for when the plugin shuts
 * down: the database closes after the plugins' shutdown hooks, and a run
 * the scheduler merely signalled would go on querying it.
 */
export class BackgroundWork {
  readonly #stopping = new AbortController();
  readonly #running = new Set<Promise<unknown>>();

  /**
   * Runs `work` with a signal that aborts when `signal` (the scheduler's)
   * does or when the plugin stops. Once stopping, nothing new starts.
   */
  async run(
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<unknown>,
  ): Promise<void> {
    if (this.#stopping.signal.aborted) return;
    const running = work(
      signal
        ? AbortSignal.any([signal, this.#stopping.signal])
        : this.#stopping.signal,
    );
    this.#running.add(running);
    try {
      await running;
    } finally {
      this.#running.delete(running);
    }
  }

  /** Aborts every run and resolves when each has ended. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await Promise.allSettled([...this.#running]);
  }
}
