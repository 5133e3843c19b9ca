import type { SimulatedFinding } from './data';

/** A finding in the AWS Security Finding Format. */
export function toAsff(f: SimulatedFinding) {
  return {
    SchemaVersion: '2018-10-08',
    Id: f.id,
    ProductArn: `arn:${f.partition}:securityhub:${f.region}::product/aws/securityhub`,
    ProductName: 'Security Hub',
    CompanyName: 'AWS',
    GeneratorId: `security-control/${f.control.id}`,
    AwsAccountId: f.accountId,
    Region: f.region,
    Types: [
      'Software and Configuration Checks/Industry and Regulatory Standards',
    ],
    FirstObservedAt: new Date(f.createdAt).toISOString(),
    LastObservedAt: new Date(f.updatedAt).toISOString(),
    CreatedAt: new Date(f.createdAt).toISOString(),
    UpdatedAt: new Date(f.updatedAt).toISOString(),
    Severity: {
      Label: f.severityLabel,
      Normalized: f.severityNormalized,
      Original: f.severityLabel,
    },
    Title: f.control.title,
    Description: f.control.title,
    Resources: [
      {
        Type: f.control.resourceType,
        Id: f.resourceId,
        Partition: f.partition,
        Region: f.region,
      },
    ],
    Compliance: {
      Status: f.complianceStatus,
      SecurityControlId: f.control.id,
      AssociatedStandards: [
        {
          StandardsId:
            'standards/aws-foundational-security-best-practices/v/1.0.0',
        },
      ],
    },
    WorkflowState: f.workflowStatus === 'RESOLVED' ? 'RESOLVED' : 'NEW',
    Workflow: { Status: f.workflowStatus },
    RecordState: f.recordState,
    ProductFields: { 'aws/securityhub/ProductName': 'Security Hub' },
  };
}

export function ocsfSeverity(label: string): string {
  return label === 'INFORMATIONAL'
    ? 'Informational'
    : label[0] + label.slice(1).toLowerCase();
}
/** A mapping of ASFF values to OCSF ones, with the OCSF value for anything else. */
function ocsfMapping(
  table: Record<string, string>,
  otherwise: string,
): (value: string) => string {
  return value => table[value] ?? otherwise;
}

export const ocsfCompliance = ocsfMapping(
  {
    PASSED: 'Pass',
    FAILED: 'Fail',
    WARNING: 'Warning',
    NOT_AVAILABLE: 'Unknown',
  },
  'Unknown',
);

export const ocsfStatus = ocsfMapping(
  {
    NEW: 'New',
    NOTIFIED: 'In Progress',
    SUPPRESSED: 'Suppressed',
    RESOLVED: 'Resolved',
  },
  'Other',
);

const OCSF_SEVERITY_ID: Record<string, number> = {
  INFORMATIONAL: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5,
};

/** A finding as an OCSF 1.x Compliance Finding document (GetFindingsV2). */
export function toOcsf(f: SimulatedFinding) {
  return {
    class_uid: 2003,
    class_name: 'Compliance Finding',
    category_name: 'Findings',
    activity_name: 'Update',
    severity: ocsfSeverity(f.severityLabel),
    severity_id: OCSF_SEVERITY_ID[f.severityLabel],
    status: ocsfStatus(f.workflowStatus),
    time_dt: new Date(f.updatedAt).toISOString(),
    finding_info: {
      uid: f.id,
      title: f.control.title,
      types: [
        'Software and Configuration Checks/Industry and Regulatory Standards',
      ],
      created_time_dt: new Date(f.createdAt).toISOString(),
      modified_time_dt: new Date(f.updatedAt).toISOString(),
    },
    compliance: {
      status: ocsfCompliance(f.complianceStatus),
      control: f.control.id,
      standards: ['aws-foundational-security-best-practices/v/1.0.0'],
    },
    cloud: {
      provider: 'AWS',
      account: { uid: f.accountId, type: 'AWS Account' },
      region: f.region,
    },
    resources: [
      { type: f.control.resourceType, uid: f.resourceId, region: f.region },
    ],
    metadata: {
      product: {
        name: 'Security Hub',
        vendor_name: 'AWS',
        uid: `arn:${f.partition}:securityhub:${f.region}::productv2/aws/securityhub`,
      },
      version: '1.6.0',
    },
    state: f.recordState === 'ARCHIVED' ? 'Archived' : 'Active',
  };
}
