import type {
  ReadinessSignal,
  ReadinessSignalStatus,
} from '@region-expansion/plugin-region-expansion-common';
import type { ResilienceAppRow } from '../governance/types';
import type { EvidenceFreshness, RegionCoverage } from './governanceEvidence';

/**
 * Thresholds of the governance readiness signals
 * ({@link judgeGovernanceSignals}).
 *
 * @public
 */
export interface GovernanceReadinessPolicy {
  /** Evidence older than this is stale. Default 24 hours. */
  maxAgeHours: number;
  /** A conformance pack scoring below this warns. Default 90. */
  conformanceWarnBelow: number;
  /** A conformance pack scoring below this fails. Default 70. */
  conformanceFailBelow: number;
}

/**
 * Default thresholds.
 *
 * @public
 */
export const DEFAULT_GOVERNANCE_READINESS_POLICY: GovernanceReadinessPolicy = {
  maxAgeHours: 24,
  conformanceWarnBelow: 90,
  conformanceFailBelow: 70,
};

/**
 * A signal judged from data of a location passes only with proof that the
 * sources watch it: without coverage a `pass` becomes `unknown` (absence of
 * findings is not evidence); a `warn` or `fail` stands, with the coverage
 * gap stated. Covered signals name how coverage was proved.
 */
function judged(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
  source: string,
): ReadinessSignal {
  if (!coverage.covered && status === 'pass')
    return signal(
      'unknown',
      `${detail}; no proof that ${source} covers the location: ${coverage.gaps.join(
        '; ',
      )}`,
      [],
    );
  // One proof names how; the count says how many targets gave one.
  const [first, ...more] = coverage.proofs;
  const note = coverage.covered
    ? `covered: ${first}${more.length ? ` (and ${more.length} more)` : ''}`
    : `coverage not proved: ${coverage.gaps.join('; ')}`;
  return withFreshness(status, `${detail}; ${note}`, blockers, freshness);
}

function statusOf(failing: boolean, warning: boolean): ReadinessSignalStatus {
  if (failing) return 'fail';
  return warning ? 'warn' : 'pass';
}

function signal(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  observedAt?: string,
): ReadinessSignal {
  return { status, detail, blockers, ...(observedAt ? { observedAt } : {}) };
}

/**
 * Without fresh evidence a check never passes: no data is `unknown`, stale
 * data `warn`; a `fail` stands whatever the freshness.
 */
function withFreshness(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  freshness: EvidenceFreshness,
): ReadinessSignal {
  if (freshness.state === 'fresh' || status === 'fail')
    return signal(status, detail, blockers, freshness.observedAt);
  if (freshness.state === 'stale')
    return signal(
      'warn',
      `${detail}; evidence is stale`,
      [...blockers, ...freshness.reasons],
      freshness.observedAt,
    );
  const why =
    freshness.state === 'unavailable'
      ? freshness.reasons.join('; ')
      : 'no successful sync';
  return signal('unknown', `${detail}; ${why}`, blockers);
}

/**
 * Security check from active failed Security Hub findings by severity and
 * control: any CRITICAL fails, any HIGH warns, none passes only with fresh
 * evidence and proof that Security Hub covers the location (its Region is
 * the aggregation Region or linked to the finding aggregator, for every
 * account); otherwise none is `unknown`.
 *
 * @public
 */
export function securitySignal(
  failedByControl: {
    critical: ReadonlyArray<{ controlId: string; count: number }>;
    high: ReadonlyArray<{ controlId: string; count: number }>;
  },
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
): ReadinessSignal {
  const name = (sev: string, c: { controlId: string; count: number }) =>
    `${sev} ${c.controlId}: ${c.count} active failed finding${
      c.count === 1 ? '' : 's'
    }`;
  const critical = failedByControl.critical.reduce((n, c) => n + c.count, 0);
  const high = failedByControl.high.reduce((n, c) => n + c.count, 0);
  const blockers = [
    ...failedByControl.critical.map(c => name('CRITICAL', c)),
    ...failedByControl.high.map(c => name('HIGH', c)),
  ];
  if (freshness.state === 'none' && blockers.length === 0)
    return signal('unknown', 'no Security Hub evidence for the location', []);
  return judged(
    statusOf(critical > 0, high > 0),
    `${critical} CRITICAL and ${high} HIGH active failed findings`,
    blockers,
    freshness,
    coverage,
    'Security Hub',
  );
}

function breaches(app: ResilienceAppRow): string[] {
  const out: string[] = [];
  for (const d of app.disruptions) {
    for (const [what, current, target] of [
      ['RTO', d.currentRtoInSecs, d.targetRtoInSecs],
      ['RPO', d.currentRpoInSecs, d.targetRpoInSecs],
    ] as const) {
      if (current !== undefined && target !== undefined && current > target)
        out.push(
          `${app.appName}: ${d.disruptionType} ${what} ${current}s > target ${target}s`,
        );
    }
  }
  if (out.length === 0 && app.complianceStatus === 'PolicyBreached')
    out.push(`${app.appName}: resiliency policy breached`);
  return out;
}

/**
 * Resilience check from the Resilience Hub applications in the location:
 * any breached RTO/RPO fails (named per app and disruption type);
 * unassessed apps beside assessed ones warn; no apps, or none with a
 * successful assessment (no coverage), is unknown: no evidence, not a pass.
 *
 * @public
 */
export function resilienceSignal(
  apps: readonly ResilienceAppRow[],
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
): ReadinessSignal {
  const breached = apps.flatMap(breaches);
  const unassessed = apps
    .filter(a => !a.assessmentArn)
    .map(a => `${a.appName}: no successful assessment`);
  if (apps.length === 0) {
    const reasons = [...coverage.gaps, ...freshness.reasons];
    return signal(
      'unknown',
      `no Resilience Hub applications in the location${
        reasons.length ? `: ${reasons.join('; ')}` : ''
      }`,
      [],
    );
  }
  if (!coverage.covered && breached.length === 0)
    return signal(
      'unknown',
      `${
        apps.length
      } applications, none with a successful assessment proving coverage: ${coverage.gaps.join(
        '; ',
      )}`,
      [],
    );
  return judged(
    statusOf(breached.length > 0, unassessed.length > 0),
    `${apps.length} applications, ${
      new Set(breached.map(b => b.split(':')[0])).size
    } breaching their RTO/RPO policy`,
    [...breached, ...unassessed],
    freshness,
    coverage,
    'Resilience Hub',
  );
}

/**
 * An Audit Manager control of an assessment, as the audit signal reads it.
 *
 * @public
 */
export interface AuditControlEvidence {
  /** Audit Manager assessment the control belongs to. */
  assessmentName: string;
  /** The control's name, as readers see it in the signal's detail. */
  controlName: string;
  /** Audit Manager's status of the control (e.g. `UNDER_REVIEW`). */
  controlStatus: string;
  /** Evidence folders; any compliance check issue makes the control warn. */
  folders: ReadonlyArray<{ complianceCheckIssuesCount: number }>;
}

/**
 * An AWS Config conformance pack's score in one account.
 *
 * @public
 */
export interface ConformanceScoreEvidence {
  /** Account the pack reports on. */
  accountId: string;
  /** The conformance pack's name. */
  packName: string;
  /** Compliance score, 0 to 100. */
  score: number;
}

/**
 * Audit check from Audit Manager controls and AWS Config conformance
 * scores in the location: a pack below `conformanceFailBelow` fails, below
 * `conformanceWarnBelow` warns; controls with compliance check issues warn.
 * Neither source with evidence (e.g. Audit Manager not subscribed and no
 * aggregator) is unknown with the stated reasons. A source counts as
 * evidence only where its coverage of the location is proved (an active
 * assessment with the account in scope; packs reported through an
 * aggregator that aggregates the Region): a pass needs at least one.
 *
 * @public
 */
export function auditSignal(
  input: {
    controls: readonly AuditControlEvidence[];
    scores: readonly ConformanceScoreEvidence[];
    auditManager: EvidenceFreshness;
    config: EvidenceFreshness;
    auditManagerCoverage: RegionCoverage;
    configCoverage: RegionCoverage;
  },
  policy: Pick<
    GovernanceReadinessPolicy,
    'conformanceWarnBelow' | 'conformanceFailBelow'
  >,
): ReadinessSignal {
  const failing = input.scores.filter(
    s => s.score < policy.conformanceFailBelow,
  );
  const weak = input.scores.filter(
    s =>
      s.score >= policy.conformanceFailBelow &&
      s.score < policy.conformanceWarnBelow,
  );
  const issues = input.controls.filter(c =>
    c.folders.some(f => f.complianceCheckIssuesCount > 0),
  );
  const blockers = [
    ...failing.map(
      s =>
        `${s.packName} in ${s.accountId}: score ${s.score} < ${policy.conformanceFailBelow}`,
    ),
    ...weak.map(
      s =>
        `${s.packName} in ${s.accountId}: score ${s.score} < ${policy.conformanceWarnBelow}`,
    ),
    ...issues.map(
      c => `${c.assessmentName} / ${c.controlName}: non-compliant evidence`,
    ),
  ];
  const withData = [
    ...(input.controls.length ? [input.auditManager] : []),
    ...(input.scores.length ? [input.config] : []),
  ];
  if (withData.length === 0) {
    const reasons = [
      ...input.auditManagerCoverage.gaps,
      ...input.configCoverage.gaps,
      ...[input.auditManager, input.config].flatMap(f => f.reasons),
    ];
    return signal(
      'unknown',
      `no Audit Manager controls or conformance pack scores for the location${
        reasons.length ? `: ${reasons.join('; ')}` : ''
      }`,
      [],
    );
  }
  const freshness: EvidenceFreshness = withData.every(f => f.state === 'fresh')
    ? {
        state: 'fresh',
        reasons: [],
        observedAt: withData.map(f => f.observedAt!).sort()[0],
      }
    : {
        state: withData.some(f => f.state === 'stale') ? 'stale' : 'none',
        reasons: withData.flatMap(f => f.reasons),
        observedAt: withData
          .map(f => f.observedAt)
          .filter(Boolean)
          .sort()[0],
      };
  const status = statusOf(
    failing.length > 0,
    weak.length > 0 || issues.length > 0,
  );
  const covering = [
    ...(input.controls.length && input.auditManagerCoverage.covered
      ? [input.auditManagerCoverage]
      : []),
    ...(input.scores.length && input.configCoverage.covered
      ? [input.configCoverage]
      : []),
  ];
  return judged(
    status,
    `${input.scores.length} conformance pack scores (${failing.length} failing, ${weak.length} below target), ${input.controls.length} audit controls (${issues.length} with issues)`,
    blockers,
    freshness,
    covering.length
      ? {
          covered: true,
          proofs: covering.flatMap(c => c.proofs),
          gaps: [],
        }
      : {
          covered: false,
          proofs: [],
          gaps: [
            ...input.auditManagerCoverage.gaps,
            ...input.configCoverage.gaps,
          ],
        },
    'Audit Manager or AWS Config',
  );
}
