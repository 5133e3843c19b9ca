import type {
  ReadinessSignal,
  ReadinessSignalStatus,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * How bad each signal status is, for combining signals: `unknown` is worse
 * than `pass`, so a missing piece of evidence is never hidden by a passing
 * one.
 *
 * @public
 */
export const READINESS_SIGNAL_SEVERITY: Readonly<
  Record<ReadinessSignalStatus, number>
> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/**
 * Combines two signals of the same check: the worse status wins (see
 * {@link READINESS_SIGNAL_SEVERITY}), details and blockers of both are
 * kept, the first's first.
 *
 * @public
 */
export function combineSignals(
  a: ReadinessSignal,
  b: ReadinessSignal | undefined,
): ReadinessSignal {
  if (!b) return a;
  const worse =
    READINESS_SIGNAL_SEVERITY[b.status] > READINESS_SIGNAL_SEVERITY[a.status]
      ? b
      : a;
  return {
    ...worse,
    detail: `${a.detail}; ${b.detail}`,
    blockers: [...a.blockers, ...b.blockers],
  };
}
