import type {
  ReadinessCheck,
  ReadinessSignal,
  ReadinessSignals,
} from '@region-expansion/plugin-region-expansion-common';
import { combineSignals } from './combineSignals';

/**
 * Readiness checks a governance source can report: every check but those
 * the estate itself decides (availability, sovereignty), so the coverage
 * proofs (`governance-coverage:*`) and checks added later are reported
 * through the same sources.
 *
 * @public
 */
export type GovernanceCheck = Exclude<
  ReadinessCheck,
  'availability' | 'sovereignty'
>;

/**
 * A source of governance readiness signals per location (Security Hub,
 * Resilience Hub, Audit Manager or AWS Config, Service Quotas). Implemented
 * by the governance modules.
 *
 * @public
 */
export interface GovernanceSignalSource {
  /** Stable id, e.g. `securityhub`. */
  readonly id: string;
  /** Signals this source has for the location; omit checks it knows nothing about. */
  signalsFor(
    locationId: string,
  ): Promise<Partial<Record<GovernanceCheck, ReadinessSignal>>>;
}

/**
 * Asks every source for a location's signals. When two sources report the
 * same check the worse status wins and blockers are combined; a source that
 * throws contributes nothing (its checks stay unknown unless another source
 * reports them) and is named in `errors`.
 *
 * @public
 */
export async function collectGovernanceSignals(
  sources: readonly GovernanceSignalSource[],
  locationId: string,
): Promise<{
  signals: ReadinessSignals;
  errors: Array<{ source: string; error: string }>;
}> {
  const signals: ReadinessSignals = {};
  const errors: Array<{ source: string; error: string }> = [];
  const results = await Promise.allSettled(
    sources.map(s => s.signalsFor(locationId)),
  );
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      errors.push({
        source: sources[i].id,
        error: String(result.reason?.message ?? result.reason),
      });
      return;
    }
    for (const [check, signal] of Object.entries(result.value) as Array<
      [GovernanceCheck, ReadinessSignal]
    >) {
      const current = signals[check];
      signals[check] = current ? combineSignals(current, signal) : signal;
    }
  });
  return { signals, errors };
}
