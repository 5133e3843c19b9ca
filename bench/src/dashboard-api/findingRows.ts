import type { SyntheticOrganization } from '@region-expansion/aws-simulator';
import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';

/** The organization's finding `i` as the governance sink takes it. */
export function rowOf(
  org: SyntheticOrganization,
  i: number,
): GovernanceFindingRow {
  const f = org.finding(i);
  return {
    findingId: f.id,
    partition: f.partition,
    accountId: f.accountId,
    region: f.region,
    severity: f.severityLabel,
    complianceStatus: f.complianceStatus,
    controlId: f.control.id,
    workflowStatus: f.workflowStatus,
    recordState: f.recordState,
    resourceType: f.control.resourceType,
    resourceId: f.resourceId,
    productName: 'Security Hub',
    generatorId: `security-control/${f.control.id}`,
    title: f.control.title,
    createdAt: new Date(f.createdAt).toISOString(),
    updatedAt: new Date(f.updatedAt).toISOString(),
  };
}

/** The organization's findings `from` (inclusive) to `to` (exclusive). */
export function rowsOf(
  org: SyntheticOrganization,
  from: number,
  to: number,
): GovernanceFindingRow[] {
  const rows: GovernanceFindingRow[] = [];
  for (let i = from; i < to; i++) rows.push(rowOf(org, i));
  return rows;
}
