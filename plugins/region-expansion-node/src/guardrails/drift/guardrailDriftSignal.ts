import type { ReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import type { GuardrailDriftReport } from './compareGuardrails';

/** Blockers listed per signal; the rest are counted. */
const MAX_BLOCKERS = 10;

/**
 * The `guardrail-drift` readiness signal of a location from the drift of
 * its plans: `fail` with one blocker per difference when any plan drifts,
 * `unknown` with the reason when any plan could not be read (never `pass`
 * without a read), `pass` when every plan matches. Pure.
 *
 * @public
 */
export function guardrailDriftSignal(
  reports: readonly GuardrailDriftReport[],
): ReadinessSignal {
  if (!reports.length)
    return {
      status: 'unknown',
      detail: 'no guardrail plan targets the location',
      blockers: [],
    };
  const drifting = reports.filter(r => r.status === 'drift');
  const unknown = reports.filter(r => r.status === 'unknown');
  if (drifting.length) {
    const lines = drifting.flatMap(r => r.summary.map(s => `${r.plan}: ${s}`));
    const shown = lines.slice(0, MAX_BLOCKERS);
    if (lines.length > shown.length)
      shown.push(`and ${lines.length - shown.length} more differences`);
    return {
      status: 'fail',
      detail: `guardrails drift from AWS Organizations in ${
        drifting.length
      } of ${reports.length} plans${
        unknown.length ? `; ${unknown.length} could not be read` : ''
      }`,
      blockers: shown,
    };
  }
  if (unknown.length)
    return {
      status: 'unknown',
      detail: unknown.map(r => `${r.plan}: ${r.reason}`).join('; '),
      blockers: [],
    };
  return {
    status: 'pass',
    detail: `guardrails match AWS Organizations (${reports
      .map(r => r.ouPath)
      .join(', ')})`,
    blockers: [],
  };
}
