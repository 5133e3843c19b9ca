import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { Worker } from 'node:worker_threads';
import { awsOrganization } from '../lib/awsOrganization';

/**
 * Builds the bench organization's finding rows in a worker thread, so the
 * loader's JavaScript thread (which also runs the backend, the sync and the
 * store) only receives them. The worker rebuilds the organization from the
 * same seed and size; {@link rows} checks each batch's first finding id
 * against `expectedId`, so a worker that built other findings fails the run.
 */
export class FindingRowsWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    {
      resolve: (rows: GovernanceFindingRow[]) => void;
      reject: (e: Error) => void;
    }
  >();
  #next = 0;
  #failure: Error | undefined;
  readonly #ready: Promise<void>;

  constructor(seed: number, size: Parameters<typeof awsOrganization>[1]) {
    // Evaluated source: the worker loads the TypeScript body through the
    // Backstage CLI's node transform, as the bench's own entry point does.
    const transform = require.resolve(
      '@backstage/cli/config/nodeTransform.cjs',
    );
    const body = require.resolve('./findingRowsThread');
    this.#worker = new Worker(
      `require(${JSON.stringify(transform)}); require(${JSON.stringify(
        body,
      )});`,
      { eval: true, workerData: { seed, size } },
    );
    this.#ready = new Promise((resolve, reject) => {
      this.#worker.once('message', () => resolve());
      this.#worker.once('error', reject);
      this.#worker.once('exit', code =>
        reject(new Error(`finding rows worker exited with ${code}`)),
      );
    });
    this.#ready.catch(() => {});
    this.#worker.on('message', ({ id, rows }) => {
      this.#pending.get(id)?.resolve(rows);
      this.#pending.delete(id);
    });
    const fail = (error: Error) => {
      this.#failure = error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', code => {
      if (code !== 0)
        fail(new Error(`finding rows worker exited with ${code}`));
    });
  }

  /**
   * Resolves once the worker has loaded and built the organization, so a
   * timed load does not include the thread's start.
   */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Rows of findings `from` (inclusive) to `to` (exclusive). */
  async rows(
    from: number,
    to: number,
    expectedId: string,
  ): Promise<GovernanceFindingRow[]> {
    if (this.#failure) throw this.#failure;
    const id = this.#next++;
    const rows = await new Promise<GovernanceFindingRow[]>(
      (resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        this.#worker.postMessage({ id, from, to });
      },
    );
    if (rows.length !== to - from || rows[0]?.findingId !== expectedId)
      throw new Error(
        `finding rows worker built other findings at ${from}: ${rows[0]?.findingId}, expected ${expectedId}`,
      );
    return rows;
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
