import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';

/**
 * An ASFF finding (GetFindings) as a governance row.
 *
 * @public
 */
export function rowFromAsff(
  finding: AwsSecurityFinding,
  partition: string,
): GovernanceFindingRow {
  const resource = finding.Resources?.[0];
  return {
    findingId: finding.Id!,
    partition,
    accountId: finding.AwsAccountId!,
    region: finding.Region!,
    severity: (finding.Severity?.Label ?? 'INFORMATIONAL').toUpperCase(),
    complianceStatus: finding.Compliance?.Status,
    controlId: finding.Compliance?.SecurityControlId,
    workflowStatus: finding.Workflow?.Status,
    recordState: finding.RecordState ?? 'ACTIVE',
    resourceType: resource?.Type,
    resourceId: resource?.Id,
    productName: finding.ProductName,
    generatorId: finding.GeneratorId,
    title: finding.Title,
    createdAt: new Date(finding.CreatedAt!).toISOString(),
    updatedAt: new Date(finding.UpdatedAt!).toISOString(),
  };
}

const OCSF_COMPLIANCE: Record<string, string> = {
  Pass: 'PASSED',
  Fail: 'FAILED',
  Warning: 'WARNING',
  Unknown: 'NOT_AVAILABLE',
};
const OCSF_STATUS: Record<string, string> = {
  New: 'NEW',
  'In Progress': 'NOTIFIED',
  Suppressed: 'SUPPRESSED',
  Resolved: 'RESOLVED',
};

function upperSnake(value: string): string {
  return value.trim().replace(/\s+/g, '_').toUpperCase();
}

/**
 * An OCSF finding document (GetFindingsV2) as a governance row. Values map
 * onto the ASFF vocabulary where one exists; unknown values pass through.
 *
 * @public
 */
export function rowFromOcsf(
  doc: Record<string, any>,
  partition: string,
): GovernanceFindingRow {
  const info = doc.finding_info ?? {};
  const resource = doc.resources?.[0];
  const compliance = doc.compliance?.status as string | undefined;
  const status = doc.status as string | undefined;
  return {
    findingId: String(info.uid),
    partition,
    accountId: String(doc.cloud?.account?.uid),
    region: String(doc.cloud?.region ?? resource?.region),
    severity: upperSnake(String(doc.severity ?? 'Informational')),
    complianceStatus: compliance
      ? OCSF_COMPLIANCE[compliance] ?? upperSnake(compliance)
      : undefined,
    controlId: doc.compliance?.control,
    workflowStatus: status
      ? OCSF_STATUS[status] ?? upperSnake(status)
      : undefined,
    recordState: doc.state === 'Archived' ? 'ARCHIVED' : 'ACTIVE',
    resourceType: resource?.type,
    resourceId: resource?.uid,
    productName: doc.metadata?.product?.name,
    generatorId: doc.compliance?.control
      ? `security-control/${doc.compliance.control}`
      : undefined,
    title: info.title,
    createdAt: new Date(info.created_time_dt ?? doc.time_dt).toISOString(),
    updatedAt: new Date(info.modified_time_dt ?? doc.time_dt).toISOString(),
  };
}
