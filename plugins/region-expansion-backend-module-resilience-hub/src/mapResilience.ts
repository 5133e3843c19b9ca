import type {
  AppAssessment,
  AppAssessmentSummary,
  AppSummary,
} from '@aws-sdk/client-resiliencehub';
import type {
  GovernanceCoverage,
  GovernanceTarget,
  ResilienceAppRow,
  ResilienceDisruptionRow,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * Disruption types in display order. Others the service returns are kept
 * after these, sorted by name (the set is open).
 *
 * @public
 */
export const RESILIENCE_DISRUPTION_ORDER: readonly string[] = [
  'Software',
  'Hardware',
  'AZ',
  'Region',
];

function timeOf(date: Date | string | number | undefined): number {
  if (date === undefined) return Number.NEGATIVE_INFINITY;
  const t = new Date(date).getTime();
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/**
 * The latest assessment with status `Success` (by end time, else start
 * time), whatever order the service listed them in.
 *
 * @public
 */
export function latestSuccessfulAssessment(
  summaries: readonly AppAssessmentSummary[],
): AppAssessmentSummary | undefined {
  let latest: AppAssessmentSummary | undefined;
  for (const s of summaries) {
    if (String(s.assessmentStatus) !== 'Success' || !s.assessmentArn) continue;
    const at = timeOf(s.endTime ?? s.startTime);
    if (!latest || at > timeOf(latest.endTime ?? latest.startTime)) latest = s;
  }
  return latest;
}

function disruptionRank(type: string): number {
  const i = RESILIENCE_DISRUPTION_ORDER.indexOf(type);
  return i === -1 ? RESILIENCE_DISRUPTION_ORDER.length : i;
}

/**
 * Current versus target RTO/RPO per disruption type of an assessment: every
 * type named by the assessment's compliance or its policy, unknown types
 * included.
 *
 * @public
 */
export function disruptionRows(
  assessment: AppAssessment,
): ResilienceDisruptionRow[] {
  const compliance = (assessment.compliance ?? {}) as Record<
    string,
    NonNullable<AppAssessment['compliance']>[keyof NonNullable<
      AppAssessment['compliance']
    >]
  >;
  const policy = (assessment.policy?.policy ?? {}) as Record<
    string,
    { rtoInSecs?: number; rpoInSecs?: number } | undefined
  >;
  const types = [
    ...new Set([...Object.keys(compliance), ...Object.keys(policy)]),
  ].sort((a, b) => disruptionRank(a) - disruptionRank(b) || a.localeCompare(b));
  return types.map(disruptionType => {
    const current = compliance[disruptionType];
    const target = policy[disruptionType];
    const row: ResilienceDisruptionRow = { disruptionType };
    if (current?.currentRtoInSecs !== undefined)
      row.currentRtoInSecs = current.currentRtoInSecs;
    if (current?.currentRpoInSecs !== undefined)
      row.currentRpoInSecs = current.currentRpoInSecs;
    if (target?.rtoInSecs !== undefined) row.targetRtoInSecs = target.rtoInSecs;
    if (target?.rpoInSecs !== undefined) row.targetRpoInSecs = target.rpoInSecs;
    if (current?.complianceStatus !== undefined)
      row.complianceStatus = String(current.complianceStatus);
    return row;
  });
}

/**
 * A Resilience Hub application with its latest successful assessment (or
 * none) as a governance row. Status strings pass through unchanged.
 *
 * @public
 */
export function resilienceAppRow(
  app: AppSummary,
  assessment: AppAssessment | undefined,
  target: GovernanceTarget,
): ResilienceAppRow {
  const drift = assessment?.driftStatus ?? app.driftStatus;
  const score = assessment?.resiliencyScore?.score ?? undefined;
  const row: ResilienceAppRow = {
    appArn: app.appArn!,
    appName: app.name ?? app.appArn!,
    partition: target.partition,
    accountId: target.accountId,
    region: target.region,
    complianceStatus: assessment
      ? String(assessment.complianceStatus ?? app.complianceStatus ?? 'Unknown')
      : 'NotAssessed',
    disruptions: assessment ? disruptionRows(assessment) : [],
  };
  if (assessment?.assessmentArn) row.assessmentArn = assessment.assessmentArn;
  if (drift !== undefined) row.driftStatus = String(drift);
  if (assessment && score !== undefined) row.resiliencyScore = score;
  if (assessment?.endTime)
    row.assessedAt = new Date(assessment.endTime).toISOString();
  return row;
}

/**
 * What a target's applications prove: Resilience Hub watches the target's
 * Region when at least one application there has a successful assessment.
 * Applications never assessed say nothing about RTO and RPO.
 *
 * @public
 */
export function resilienceCoverage(
  target: GovernanceTarget,
  apps: readonly ResilienceAppRow[],
): GovernanceCoverage {
  const assessed = apps.filter(a => !!a.assessmentArn).length;
  const where = `account ${target.accountId} in ${target.region}`;
  if (apps.length === 0)
    return {
      regions: [],
      scope: `No Resilience Hub application in ${where}.`,
    };
  const counted = `${assessed} of ${apps.length} Resilience Hub application${
    apps.length === 1 ? '' : 's'
  } in ${where} ${assessed === 1 ? 'has' : 'have'} a successful assessment`;
  return {
    regions: assessed
      ? [
          {
            region: target.region,
            method: 'assessed-applications',
            detail: counted,
          },
        ]
      : [],
    scope: `${counted}.`,
  };
}
