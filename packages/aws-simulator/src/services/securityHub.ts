import type {
  SimulatedFinding,
  SimulatedFindingAggregator,
  SyntheticOrganization,
} from '../organization';
import {
  decodeToken,
  encodeToken,
  jsonResponse,
  restJsonError,
  SimulatedRequest,
} from '../protocol';

type StringFilter = { Value?: string; Comparison?: string };
type DateFilter = {
  Start?: string;
  End?: string;
  DateRange?: { Value?: number; Unit?: string };
};

const ASFF_STRING_FIELDS: Record<string, (f: SimulatedFinding) => string> = {
  AwsAccountId: f => f.accountId,
  Region: f => f.region,
  SeverityLabel: f => f.severityLabel,
  ComplianceStatus: f => f.complianceStatus,
  ComplianceSecurityControlId: f => f.control.id,
  WorkflowStatus: f => f.workflowStatus,
  RecordState: f => f.recordState,
  ResourceType: f => f.control.resourceType,
  Id: f => f.id,
};

const OCSF_STRING_FIELDS: Record<string, (f: SimulatedFinding) => string> = {
  'cloud.account.uid': f => f.accountId,
  'cloud.region': f => f.region,
  severity: f => ocsfSeverity(f.severityLabel),
  'compliance.status': f => ocsfCompliance(f.complianceStatus),
  'compliance.control': f => f.control.id,
  status: f => ocsfStatus(f.workflowStatus),
  'finding_info.uid': f => f.id,
};

function matchString(value: string, filter: StringFilter): boolean {
  const expected = filter.Value ?? '';
  switch (filter.Comparison ?? 'EQUALS') {
    case 'EQUALS':
      return value === expected;
    case 'NOT_EQUALS':
      return value !== expected;
    case 'PREFIX':
      return value.startsWith(expected);
    case 'PREFIX_NOT_EQUALS':
      return !value.startsWith(expected);
    case 'CONTAINS':
      return value.includes(expected);
    case 'NOT_CONTAINS':
      return !value.includes(expected);
    default:
      return false;
  }
}

function dateWindow(filter: DateFilter, now: number): [number, number] {
  if (filter.DateRange?.Value !== undefined) {
    return [now - filter.DateRange.Value * 86_400_000, now];
  }
  return [
    filter.Start ? Date.parse(filter.Start) : -Infinity,
    filter.End ? Date.parse(filter.End) : Infinity,
  ];
}

interface FindingQuery {
  partition: string;
  /** Region the request went to; in the partition's home Region the aggregated view of all Regions is returned. */
  region: string;
  homeRegion: string;
  accounts: StringFilter[];
  regions: StringFilter[];
  updated: DateFilter[];
  strings: Array<[(f: SimulatedFinding) => string, StringFilter[]]>;
}

function* matchingFindings(
  org: SyntheticOrganization,
  query: FindingQuery,
  start: number,
): Generator<{ finding: SimulatedFinding; position: number }> {
  const exactAccount =
    query.accounts.length === 1 &&
    (query.accounts[0].Comparison ?? 'EQUALS') === 'EQUALS'
      ? query.accounts[0].Value
      : undefined;
  const [from, to] = org.findingRangeOf(query.partition, exactAccount);
  const windows = query.updated.map(d => dateWindow(d, org.clock));
  // The aggregation Region shows the findings of the Regions linked to it.
  const hidden =
    query.region === query.homeRegion
      ? org.unlinkedRegionsOf(query.partition)
      : undefined;
  for (let i = Math.max(start, from); i < to; i++) {
    if (org.isWithheld(i)) continue;
    const updatedAt = org.findingUpdatedAt(i);
    if (
      windows.length &&
      !windows.some(([a, b]) => updatedAt >= a && updatedAt <= b)
    )
      continue;
    const scope = org.findingScope(i);
    if (query.region !== query.homeRegion && scope.region !== query.region)
      continue;
    if (hidden?.has(scope.region)) continue;
    if (
      query.accounts.length &&
      !query.accounts.some(f => matchString(scope.accountId, f))
    )
      continue;
    if (
      query.regions.length &&
      !query.regions.some(f => matchString(scope.region, f))
    )
      continue;
    const finding = org.finding(i);
    if (
      !query.strings.every(([get, filters]) =>
        filters.some(f => matchString(get(finding), f)),
      )
    )
      continue;
    yield { finding, position: i };
  }
}

function page(
  org: SyntheticOrganization,
  query: FindingQuery,
  fingerprint: string,
  token: string | undefined,
  maxResults: number,
): { findings: SimulatedFinding[]; nextToken?: string } | undefined {
  const start = decodeToken(token, fingerprint);
  if (start === undefined) return undefined;
  const findings: SimulatedFinding[] = [];
  for (const { finding, position } of matchingFindings(org, query, start)) {
    if (findings.length === maxResults) {
      return { findings, nextToken: encodeToken(position, fingerprint) };
    }
    findings.push(finding);
  }
  return { findings };
}

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

function ocsfSeverity(label: string): string {
  return label === 'INFORMATIONAL'
    ? 'Informational'
    : label[0] + label.slice(1).toLowerCase();
}
function ocsfCompliance(status: string): string {
  return (
    (
      {
        PASSED: 'Pass',
        FAILED: 'Fail',
        WARNING: 'Warning',
        NOT_AVAILABLE: 'Unknown',
      } as Record<string, string>
    )[status] ?? 'Unknown'
  );
}
function ocsfStatus(workflow: string): string {
  return (
    (
      {
        NEW: 'New',
        NOTIFIED: 'In Progress',
        SUPPRESSED: 'Suppressed',
        RESOLVED: 'Resolved',
      } as Record<string, string>
    )[workflow] ?? 'Other'
  );
}
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

/** The CSPM (`findingAggregator`) and new Security Hub (`aggregatorv2`) APIs. */
const AGGREGATOR_APIS = {
  findingAggregator: {
    list: 'ListFindingAggregators',
    get: 'GetFindingAggregator',
    resource: 'finding-aggregator',
  },
  aggregatorv2: {
    list: 'ListAggregatorsV2',
    get: 'GetAggregatorV2',
    resource: 'aggregatorv2',
  },
} as const;

function aggregatorArn(
  aggregator: SimulatedFindingAggregator,
  accountId: string,
  resource: string,
): string {
  return `arn:${aggregator.partition}:securityhub:${aggregator.region}:${accountId}:${resource}/${aggregator.id}`;
}

/**
 * Security Hub cross-Region aggregation (restJson1): `GET
 * /findingAggregator/list` (ListFindingAggregators), `GET
 * /findingAggregator/get/{FindingAggregatorArn+}` (GetFindingAggregator)
 * and their new Security Hub counterparts under `/aggregatorv2/`
 * (ListAggregatorsV2, GetAggregatorV2, which list the linked Regions with
 * `SPECIFIED_REGIONS`). Every account of a partition sees the partition's
 * aggregator under its own account id, from any Region of the partition.
 */
function handleFindingAggregators(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  path: string,
): { operation: string; respond: () => Response } | undefined {
  if (req.method !== 'GET') return undefined;
  const [, prefix, verb] = path.split('/');
  const api = AGGREGATOR_APIS[prefix as keyof typeof AGGREGATOR_APIS];
  if (!api) return undefined;
  const v2 = prefix === 'aggregatorv2';
  const aggregator = org.findingAggregatorOf(req.partition.id);
  const arnOf = (a: SimulatedFindingAggregator) =>
    aggregatorArn(a, req.callerAccountId, api.resource);
  if (verb === 'list' && path === `/${prefix}/list`) {
    return {
      operation: api.list,
      respond: () => {
        const max = req.url.searchParams.get('MaxResults');
        if (max !== null && !(Number(max) >= 1 && Number(max) <= 100))
          return restJsonError(
            400,
            'InvalidInputException',
            'MaxResults must be between 1 and 100',
          );
        const arns = aggregator ? [arnOf(aggregator)] : [];
        return jsonResponse(
          v2
            ? { AggregatorsV2: arns.map(a => ({ AggregatorV2Arn: a })) }
            : {
                FindingAggregators: arns.map(a => ({
                  FindingAggregatorArn: a,
                })),
              },
        );
      },
    };
  }
  const getPrefix = `/${prefix}/get/`;
  if (verb === 'get' && path.startsWith(getPrefix)) {
    return {
      operation: api.get,
      respond: () => {
        const arn = path
          .slice(getPrefix.length)
          .split('/')
          .map(decodeURIComponent)
          .join('/');
        if (!aggregator || arn !== arnOf(aggregator))
          return restJsonError(
            404,
            'ResourceNotFoundException',
            `The aggregator ${arn} does not exist`,
          );
        if (v2) {
          const linked = org.linkedRegionsOf(aggregator.partition);
          return jsonResponse({
            AggregatorV2Arn: arn,
            AggregationRegion: aggregator.region,
            RegionLinkingMode: 'SPECIFIED_REGIONS',
            ...(linked.length ? { LinkedRegions: linked } : {}),
          });
        }
        return jsonResponse({
          FindingAggregatorArn: arn,
          FindingAggregationRegion: aggregator.region,
          RegionLinkingMode: aggregator.linkingMode,
          ...(aggregator.regions.length ? { Regions: aggregator.regions } : {}),
        });
      },
    };
  }
  return undefined;
}

/**
 * Security Hub (restJson1): `POST /findings` (GetFindings), `POST
 * /findingsv2` (GetFindingsV2) and the finding aggregator reads.
 */
export function handleSecurityHub(
  org: SyntheticOrganization,
  req: SimulatedRequest,
): { operation: string; respond: () => Response } | undefined {
  const path = req.url.pathname.replace(/\/+$/, '');
  if (
    path.startsWith('/findingAggregator/') ||
    path.startsWith('/aggregatorv2/')
  )
    return handleFindingAggregators(org, req, path);
  if (req.method !== 'POST' || (path !== '/findings' && path !== '/findingsv2'))
    return undefined;
  const v2 = path === '/findingsv2';
  return {
    operation: v2 ? 'GetFindingsV2' : 'GetFindings',
    respond: () => {
      let input: any;
      try {
        input = req.body ? JSON.parse(req.body) : {};
      } catch {
        return restJsonError(
          400,
          'InvalidInputException',
          'The request body is not valid JSON',
        );
      }
      const maxResults = input.MaxResults ?? 100;
      if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
        return restJsonError(
          400,
          'InvalidInputException',
          'MaxResults must be between 1 and 100',
        );
      }
      const query: FindingQuery = {
        partition: req.partition.id,
        region: req.region,
        homeRegion: req.partition.homeRegion,
        accounts: [],
        regions: [],
        updated: [],
        strings: [],
      };
      if (v2) {
        for (const composite of input.Filters?.CompositeFilters ?? []) {
          for (const sf of composite.StringFilters ?? []) {
            const filter = sf.Filter ?? {};
            if (sf.FieldName === 'cloud.account.uid')
              query.accounts.push(filter);
            else if (sf.FieldName === 'cloud.region')
              query.regions.push(filter);
            else if (OCSF_STRING_FIELDS[sf.FieldName])
              query.strings.push([OCSF_STRING_FIELDS[sf.FieldName], [filter]]);
            else
              return restJsonError(
                400,
                'ValidationException',
                `Unsupported string filter field ${sf.FieldName}`,
              );
          }
          for (const df of composite.DateFilters ?? []) {
            if (
              df.FieldName !== 'finding_info.modified_time_dt' &&
              df.FieldName !== 'time_dt'
            ) {
              return restJsonError(
                400,
                'ValidationException',
                `Unsupported date filter field ${df.FieldName}`,
              );
            }
            query.updated.push(df.Filter ?? {});
          }
        }
      } else {
        const filters = input.Filters ?? {};
        for (const [field, values] of Object.entries(filters) as Array<
          [string, any[]]
        >) {
          if (field === 'AwsAccountId') query.accounts.push(...values);
          else if (field === 'Region') query.regions.push(...values);
          else if (field === 'UpdatedAt') query.updated.push(...values);
          else if (ASFF_STRING_FIELDS[field])
            query.strings.push([ASFF_STRING_FIELDS[field], values]);
          else
            return restJsonError(
              400,
              'InvalidInputException',
              `Unsupported filter ${field}`,
            );
        }
      }
      const fingerprint = JSON.stringify([req.region, input.Filters ?? {}, v2]);
      const result = page(org, query, fingerprint, input.NextToken, maxResults);
      if (!result) {
        return restJsonError(
          400,
          'InvalidInputException',
          'The NextToken is not valid for this request',
        );
      }
      return jsonResponse({
        Findings: result.findings.map(f => (v2 ? toOcsf(f) : toAsff(f))),
        ...(result.nextToken ? { NextToken: result.nextToken } : {}),
      });
    },
  };
}

/** Accounts a Security Hub request names in its filters (for AccessDenied modelling). */
export function accountsNamedBySecurityHubRequest(body: string): string[] {
  try {
    const input = JSON.parse(body || '{}');
    const asff = (input.Filters?.AwsAccountId ?? []).map(
      (f: StringFilter) => f.Value,
    );
    const ocsf = (input.Filters?.CompositeFilters ?? []).flatMap((c: any) =>
      (c.StringFilters ?? [])
        .filter((s: any) => s.FieldName === 'cloud.account.uid')
        .map((s: any) => s.Filter?.Value),
    );
    return [...asff, ...ocsf].filter(Boolean);
  } catch {
    return [];
  }
}
