/**
 * A seeded generator of floats in [0, 1) (mulberry32): the same seed always
 * gives the same sequence, so a synthetic estate, organization or benchmark
 * data set can be regenerated exactly, and a failing seed replayed. Not for
 * anything that must be unpredictable.
 *
 * @public
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
