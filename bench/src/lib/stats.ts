/** The p-th percentile (nearest rank) of ascending values; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

/** The median of values in any order (mean of the middle two when even). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rounds to `digits` decimals. */
export const round = (n: number, digits = 1) =>
  Math.round(n * 10 ** digits) / 10 ** digits;

/** p50, p95 and max of durations in ms (any order), rounded to `digits`; NaN when none. */
export function latencyFigures(ms: number[], digits = 2) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 50), digits),
    p95Ms: round(percentile(sorted, 95), digits),
    maxMs: round(sorted[sorted.length - 1] ?? NaN, digits),
  };
}

/** Findings handled in `ms`: the count, seconds (2 decimals) and findings per second. */
export function findingsThroughput(findings: number, ms: number) {
  return {
    findings,
    seconds: round(ms / 1000, 2),
    findingsPerSecond: Math.round(findings / (ms / 1000)),
  };
}
