import {
  READINESS_CHECKS,
  type EvaluatedReadinessSignal,
  type ReadinessBlocker,
  type ReadinessCheck,
  type ReadinessEvaluation,
  type ReadinessLevel,
  type ReadinessSignal,
  type ReadinessSignals,
  type ReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Input of {@link evaluateReadiness}.
 *
 * @public
 */
export interface EvaluateReadinessInput {
  /** Location the signals describe; only waivers for it apply. */
  locationId: string;
  /** Reported signal per check; a check without one counts as `unknown`. */
  signals: ReadinessSignals;
  /**
   * Approved waivers; one neutralises a non-passing check when its location and
   * check match and it has not expired at `now`.
   */
  waivers?: ReadinessWaiver[];
  /** Structured blockers (with service and remediation) for failing checks. */
  blockerDetails?: ReadinessBlocker[];
  /** Evaluation time; waivers expiring at or before it do not apply. */
  now: Date;
}

const DEFAULT_REMEDIATION: Record<ReadinessCheck, string> = {
  availability: 'use services the location offers, or choose another location',
  sovereignty:
    'change the design so data and metadata stay within the required boundary',
  security: 'resolve the Security Hub findings for the location',
  resilience: 'meet the RTO/RPO policy in Resilience Hub for the application',
  audit:
    'collect the missing evidence (Audit Manager or AWS Config conformance packs)',
  capacity: 'request quota increases or plan another cell',
  'governance-coverage:security-hub':
    "enable Security Hub and its standards in the Region and link the Region to the partition's finding aggregator",
  'governance-coverage:config':
    'turn the AWS Config recorder and delivery channel on in the Region and add the Region to the aggregator',
  'governance-coverage:resilience-hub':
    'register the application in Resilience Hub in the Region and run an assessment',
  'governance-coverage:audit':
    "include the Region's accounts in an active Audit Manager assessment in the Region, or deploy conformance packs there through the aggregated AWS Config",
  'guardrail-drift':
    'bring AWS Organizations back to the rendered guardrails (OU placement and the Region-deny SCP), or render them again if the change was intended',
};

const MISSING_SIGNAL_DETAIL = 'no signal reported: unknown, not passed';

/**
 * The unexpired waiver for a check at a location, if any.
 *
 * @public
 */
export function activeWaiver(
  waivers: readonly ReadinessWaiver[],
  locationId: string,
  check: ReadinessCheck,
  now: Date,
): ReadinessWaiver | undefined {
  return waivers.find(
    w =>
      w.locationId === locationId &&
      w.check === check &&
      Number.isFinite(Date.parse(w.expiresAt)) &&
      Date.parse(w.expiresAt) > now.getTime(),
  );
}

/**
 * Computes a location's readiness level from typed signals. A missing signal
 * is `unknown` (never `pass`). Unwaived `fail` → `blocked`, with named
 * blockers; otherwise any unwaived `warn` or `unknown` → `pilot`; otherwise
 * `ready`. A waiver applies only to its location and check, and only until it
 * expires; a waived check is marked `waived`.
 *
 * @public
 */
export function evaluateReadiness(
  input: EvaluateReadinessInput,
): ReadinessEvaluation {
  const waivers = input.waivers ?? [];
  const signals = {} as Record<ReadinessCheck, EvaluatedReadinessSignal>;
  const blockers: ReadinessBlocker[] = [];
  const openChecks: ReadinessBlocker[] = [];
  for (const check of READINESS_CHECKS) {
    const reported: ReadinessSignal = input.signals[check] ?? {
      status: 'unknown',
      detail: MISSING_SIGNAL_DETAIL,
      blockers: [],
    };
    const waiver =
      reported.status === 'pass'
        ? undefined
        : activeWaiver(waivers, input.locationId, check, input.now);
    signals[check] = {
      ...reported,
      check,
      waived: Boolean(waiver),
      ...(waiver ? { waiver } : {}),
    };
    if (waiver) continue;
    if (reported.status === 'fail') {
      const detailed = (input.blockerDetails ?? []).filter(
        b => b.check === check,
      );
      if (detailed.length) blockers.push(...detailed);
      else {
        const reasons = reported.blockers.length
          ? reported.blockers
          : [reported.detail];
        blockers.push(
          ...reasons.map(detail => ({
            check,
            detail,
            remediation: DEFAULT_REMEDIATION[check],
          })),
        );
      }
    } else if (reported.status === 'warn' || reported.status === 'unknown') {
      openChecks.push({
        check,
        detail: reported.detail,
        remediation:
          reported.status === 'unknown'
            ? `connect a source for the ${check} signal, or ${DEFAULT_REMEDIATION[check]}`
            : DEFAULT_REMEDIATION[check],
      });
    }
  }
  let level: ReadinessLevel = 'ready';
  if (blockers.length) level = 'blocked';
  else if (openChecks.length) level = 'pilot';
  return {
    locationId: input.locationId,
    level,
    blockers,
    openChecks,
    signals,
    evaluatedAt: input.now.toISOString(),
  };
}
