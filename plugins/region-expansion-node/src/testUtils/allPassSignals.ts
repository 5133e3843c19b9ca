import type { ReadinessSignal } from '@region-expansion/plugin-region-expansion-common';

/**
 * A passing signal with no blockers (detail `ok`).
 *
 * @public
 */
export const passSignal: ReadinessSignal = {
  status: 'pass',
  detail: 'ok',
  blockers: [],
};

/**
 * Every readiness check passing: the signals of a `ready` location, to
 * change one check at a time.
 *
 * @public
 */
export const allPassSignals = {
  /** Service availability passes. */
  availability: passSignal,
  /** Sovereignty (residency, partition control plane) passes. */
  sovereignty: passSignal,
  /** Security posture passes. */
  security: passSignal,
  /** Resilience passes. */
  resilience: passSignal,
  /** Audit evidence passes. */
  audit: passSignal,
  /** Cell capacity passes. */
  capacity: passSignal,
  /** Security Hub is proven to watch the Region. */
  'governance-coverage:security-hub': passSignal,
  /** AWS Config is proven to record, deliver and aggregate the Region. */
  'governance-coverage:config': passSignal,
  /** Resilience Hub is proven to assess applications in the Region. */
  'governance-coverage:resilience-hub': passSignal,
  /** Audit Manager or conformance packs are proven to cover the Region's accounts. */
  'governance-coverage:audit': passSignal,
  /** AWS Organizations holds the rendered guardrails. */
  'guardrail-drift': passSignal,
};
