/**
 * Asserts that each figure a bench's smoke test reads (a rate, a latency,
 * a share) was measured: a positive number, so a zero or NaN from a broken
 * measurement fails the test.
 */
export function expectPositive(figures: number[]): void {
  for (const figure of figures) expect(figure).toBeGreaterThan(0);
}
