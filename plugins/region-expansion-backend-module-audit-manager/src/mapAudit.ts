import type {
  Assessment,
  AssessmentEvidenceFolder,
} from '@aws-sdk/client-auditmanager';
import type {
  AuditControlRow,
  GovernanceCoverage,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * The stated reason why Audit Manager cannot be read in an account, from its
 * `GetAccountStatus` answer; `undefined` when the account is active. Statuses
 * are an open set: anything but `ACTIVE` is a reason.
 *
 * @public
 */
export function auditManagerStatusReason(
  status: string | undefined,
  target: GovernanceTarget,
): string | undefined {
  if (status === 'ACTIVE') return undefined;
  return `Audit Manager is not set up in account ${target.accountId} (${
    target.region
  }): account status ${
    status ?? 'not reported'
  }. It closed to new customers on 2026-04-30; AWS Config conformance packs are its successor.`;
}

/**
 * The controls of an assessment as governance rows, with its evidence
 * folders grouped by control set and control. A control's evidence count is
 * the service's count, else the sum of its folders.
 *
 * @public
 */
export function auditControlRows(
  assessment: Assessment,
  folders: readonly AssessmentEvidenceFolder[],
  target: GovernanceTarget,
): AuditControlRow[] {
  const metadata = assessment.metadata ?? {};
  const framework = assessment.framework;
  const frameworkName =
    framework?.metadata?.name ??
    framework?.metadata?.complianceType ??
    metadata.complianceType ??
    framework?.id ??
    'unknown framework';
  const byControl = new Map<string, AssessmentEvidenceFolder[]>();
  for (const folder of folders) {
    const key = `${folder.controlSetId}\u0000${folder.controlId}`;
    const list = byControl.get(key) ?? [];
    list.push(folder);
    byControl.set(key, list);
  }
  const rows: AuditControlRow[] = [];
  for (const set of framework?.controlSets ?? []) {
    for (const control of set.controls ?? []) {
      if (!set.id || !control.id) continue;
      const controlFolders = (
        byControl.get(`${set.id}\u0000${control.id}`) ?? []
      )
        .map(f => ({
          folderId: f.id ?? '',
          date: f.date ? new Date(f.date).toISOString().slice(0, 10) : '',
          ...(f.dataSource ? { dataSource: f.dataSource } : {}),
          totalEvidence: f.totalEvidence ?? 0,
          complianceCheckCount: f.evidenceByTypeComplianceCheckCount ?? 0,
          complianceCheckIssuesCount:
            f.evidenceByTypeComplianceCheckIssuesCount ?? 0,
        }))
        .sort(
          (a, b) =>
            b.date.localeCompare(a.date) ||
            a.folderId.localeCompare(b.folderId),
        );
      rows.push({
        partition: target.partition,
        accountId: target.accountId,
        region: target.region,
        assessmentId: metadata.id ?? '',
        assessmentName: metadata.name ?? metadata.id ?? '',
        framework: frameworkName,
        controlSetId: set.id,
        controlId: control.id,
        controlName: control.name ?? control.id,
        controlStatus: String(control.status ?? 'UNKNOWN'),
        evidenceCount:
          control.evidenceCount ??
          controlFolders.reduce((n, f) => n + f.totalEvidence, 0),
        folders: controlFolders,
      });
    }
  }
  return rows;
}

/**
 * Whether an assessment's scope includes the account (Audit Manager
 * collects evidence in the assessment's own Region, so its Region is the
 * target's).
 *
 * @public
 */
export function assessmentCoversAccount(
  assessment: Assessment,
  accountId: string,
): boolean {
  return !!assessment.metadata?.scope?.awsAccounts?.some(
    a => a.id === accountId,
  );
}

/**
 * What a target's active assessments prove: Audit Manager watches the
 * target's Region for its account when an active assessment there
 * includes the account in its scope.
 *
 * @public
 */
export function auditCoverage(
  target: GovernanceTarget,
  activeAssessments: number,
  covering: number,
): GovernanceCoverage {
  const where = `account ${target.accountId} in ${target.region}`;
  if (covering === 0)
    return {
      regions: [],
      scope:
        activeAssessments === 0
          ? `No active Audit Manager assessment in ${target.region} for ${where}.`
          : `${activeAssessments} active Audit Manager assessment${
              activeAssessments === 1 ? '' : 's'
            } in ${target.region}, none with ${where} in its scope.`,
    };
  const detail = `${covering} active Audit Manager assessment${
    covering === 1 ? '' : 's'
  } in ${target.region} with account ${target.accountId} in scope`;
  return {
    regions: [{ region: target.region, method: 'active-assessments', detail }],
    scope: `${detail}.`,
  };
}
