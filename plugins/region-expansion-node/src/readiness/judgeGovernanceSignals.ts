import type { ReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import type { ResilienceAppRow } from '../governance/types';
import {
  evidenceFreshness,
  regionCoverage,
  type GovernanceCoverageRecord,
  type GovernanceSyncState,
} from './governanceEvidence';
import {
  auditSignal,
  resilienceSignal,
  securitySignal,
  type AuditControlEvidence,
  type ConformanceScoreEvidence,
  type GovernanceReadinessPolicy,
} from './governanceSignals';

/**
 * What the governance store holds about one Region, as plain data: the
 * partition's sync states and coverage, and the Region's findings, Resilience
 * Hub applications, Audit Manager controls and conformance pack scores.
 *
 * @public
 */
export interface GovernanceEvidence {
  /** Sync state of every governance target of the Region's partition. */
  states: readonly GovernanceSyncState[];
  /** Coverage of every governance target of the Region's partition. */
  coverage: readonly GovernanceCoverageRecord[];
  /** Active failed Security Hub findings in the Region, by control and severity. */
  failedByControl: {
    critical: ReadonlyArray<{ controlId: string; count: number }>;
    high: ReadonlyArray<{ controlId: string; count: number }>;
  };
  /** Resilience Hub applications in the Region. */
  apps: readonly ResilienceAppRow[];
  /** Audit Manager controls in the Region. */
  controls: readonly AuditControlEvidence[];
  /** AWS Config conformance pack scores in the Region. */
  scores: readonly ConformanceScoreEvidence[];
}

const SECURITY_HUB = ['securityhub', 'securityhub-ocsf'];

/**
 * The security, resilience and audit readiness signals of a Region from
 * its governance evidence. A signal passes only on fresh evidence from
 * sources that proved they cover the Region; missing or stale data, or data
 * without coverage, is `unknown` or `warn` with the reason. Pure.
 *
 * @remarks
 *
 * Security Hub is read in the partition's aggregation Region, so its sync
 * states are the partition's, and every account must prove the Region is
 * linked (`every`). Resilience Hub, Audit Manager and AWS Config are read
 * per Region: their states in the Region count, and one target proving the
 * Region is enough (`any`).
 *
 * @public
 */
export function judgeGovernanceSignals(
  region: string,
  evidence: GovernanceEvidence,
  policy: GovernanceReadinessPolicy,
  now: Date,
): {
  security: ReadinessSignal;
  resilience: ReadinessSignal;
  audit: ReadinessSignal;
} {
  const { states, coverage } = evidence;
  const covered = (sources: string[], rule: 'every' | 'any') =>
    regionCoverage(states, coverage, sources, region, rule);
  const fresh = (sources: string[], inRegion: boolean) =>
    evidenceFreshness(
      states.filter(
        s => sources.includes(s.source) && (!inRegion || s.region === region),
      ),
      now,
      policy.maxAgeHours,
    );
  return {
    security: securitySignal(
      evidence.failedByControl,
      fresh(SECURITY_HUB, false),
      covered(SECURITY_HUB, 'every'),
    ),
    resilience: resilienceSignal(
      evidence.apps,
      fresh(['resiliencehub'], true),
      covered(['resiliencehub'], 'any'),
    ),
    audit: auditSignal(
      {
        controls: evidence.controls,
        scores: evidence.scores,
        auditManager: fresh(['auditmanager'], true),
        config: fresh(['config'], true),
        auditManagerCoverage: covered(['auditmanager'], 'any'),
        configCoverage: covered(['config'], 'any'),
      },
      policy,
    ),
  };
}
