/** One run of a scheduled task, started as the scheduler starts it. */
export interface TaskRun {
  /** Whether the run has ended, either way. */
  settled(): boolean;
  /** The run's end: rejects when the run failed. */
  result: Promise<void>;
}

/** Starts `fn` with a signal nobody aborts, as one run of its task. */
export function startTaskRun(
  fn: (signal: AbortSignal) => void | Promise<void>,
): TaskRun {
  let settled = false;
  const result = Promise.resolve(fn(new AbortController().signal)).finally(
    () => {
      settled = true;
    },
  );
  return { settled: () => settled, result };
}

/** Resolves once `condition` holds, checking it every 10 ms. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
