import type { AsyncState } from 'react-use/esm/useAsyncFn';

/** The values of a record of async states, by the same keys. */
export type AsyncValues<T> = {
  [K in keyof T]: T[K] extends { value?: infer V } ? V : never;
};

/**
 * One state for several reads that a view shows together: the first error
 * as soon as any read fails, loading while any read is still under way,
 * and every value once all have one.
 */
export function combineAsync<T extends Record<string, AsyncState<unknown>>>(
  states: T,
): AsyncState<AsyncValues<T>> {
  const all = Object.values(states);
  const failed = all.find(state => state.error);
  if (failed?.error) return { loading: false, error: failed.error };
  if (all.some(state => state.loading || state.value === undefined)) {
    return { loading: true };
  }
  const value = Object.fromEntries(
    Object.entries(states).map(([key, state]) => [key, state.value]),
  );
  return { loading: false, value: value as AsyncValues<T> };
}
