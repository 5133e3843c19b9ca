import type { SyntheticOrganization } from '../../organization';
import { AwsFault } from '../../AwsFault';
import {
  decodeToken,
  encodeToken,
  pageSizeOf,
  SimulatedRequest,
  tokenField,
} from '../../protocol';
import { readableCoverage } from '../coverageGaps';
import { defineService, OperationSpec } from '../defineService';
import type { SimulatedFinding, SimulatedFindingAggregator } from './data';
import {
  ocsfCompliance,
  ocsfSeverity,
  ocsfStatus,
  toAsff,
  toOcsf,
} from './findingFormats';

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

/** The CSPM (`findingAggregator`) and new Security Hub (`aggregatorv2`) APIs. */
const AGGREGATOR_APIS = [
  {
    prefix: 'findingAggregator',
    list: 'ListFindingAggregators',
    get: 'GetFindingAggregator',
    resource: 'finding-aggregator',
  },
  {
    prefix: 'aggregatorv2',
    list: 'ListAggregatorsV2',
    get: 'GetAggregatorV2',
    resource: 'aggregatorv2',
  },
] as const;

/** The partition's aggregator as the caller's account sees it; `undefined` without one. */
function aggregatorOf(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  resource: string,
): { aggregator: SimulatedFindingAggregator; arn: string } | undefined {
  const aggregator = org.findingAggregatorOf(req.partition.id);
  if (!aggregator) return undefined;
  return {
    aggregator,
    arn: `arn:${aggregator.partition}:securityhub:${aggregator.region}:${req.callerAccountId}:${resource}/${aggregator.id}`,
  };
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
const AGGREGATOR_OPERATIONS: OperationSpec[] = AGGREGATOR_APIS.flatMap(api => {
  const v2 = api.prefix === 'aggregatorv2';
  return [
    {
      name: api.list,
      http: { method: 'GET', path: new RegExp(`^/${api.prefix}/list$`) },
      respond: ({ org, req, query }) => {
        pageSizeOf(
          query.get('MaxResults'),
          'MaxResults',
          100,
          100,
          'InvalidInputException',
        );
        const found = aggregatorOf(org, req, api.resource);
        const arns = found ? [found.arn] : [];
        return v2
          ? { AggregatorsV2: arns.map(a => ({ AggregatorV2Arn: a })) }
          : {
              FindingAggregators: arns.map(a => ({ FindingAggregatorArn: a })),
            };
      },
    },
    {
      name: api.get,
      http: { method: 'GET', path: new RegExp(`^/${api.prefix}/get/(.+)$`) },
      respond: ({ org, req, params: [arn] }) => {
        const found = aggregatorOf(org, req, api.resource);
        if (!found || arn !== found.arn)
          throw new AwsFault(
            404,
            'ResourceNotFoundException',
            `The aggregator ${arn} does not exist`,
          );
        const { aggregator } = found;
        if (v2) {
          const linked = org.linkedRegionsOf(aggregator.partition);
          return {
            AggregatorV2Arn: arn,
            AggregationRegion: aggregator.region,
            RegionLinkingMode: 'SPECIFIED_REGIONS',
            ...(linked.length ? { LinkedRegions: linked } : {}),
          };
        }
        return {
          FindingAggregatorArn: arn,
          FindingAggregationRegion: aggregator.region,
          RegionLinkingMode: aggregator.linkingMode,
          ...(aggregator.regions.length ? { Regions: aggregator.regions } : {}),
        };
      },
    },
  ];
});

/** The standards enabled wherever Security Hub is (identifier, name in the ARN). */
const ENABLED_STANDARDS = [
  'aws-foundational-security-best-practices/v/1.0.0',
  'cis-aws-foundations-benchmark/v/1.4.0',
];

/**
 * GetEnabledStandards (`POST /standards/get`): the standards subscriptions
 * of the caller's account in the Region, READY where governance covers the
 * Region; in an uncovered Region Security Hub is not enabled, and answers
 * InvalidAccessException as AWS does for an account not subscribed.
 */
const STANDARDS_OPERATION: OperationSpec = {
  name: 'GetEnabledStandards',
  http: { method: 'POST', path: /^\/standards\/get$/ },
  respond: ({ org, req }) => {
    if (
      readableCoverage(
        org.coverageGaps,
        req,
        'securityhub:GetEnabledStandards',
        'restJson1',
      ) === 'uncovered'
    ) {
      throw new AwsFault(
        401,
        'InvalidAccessException',
        `Account ${req.callerAccountId} is not subscribed to AWS Security Hub`,
      );
    }
    const arn = (kind: string, id: string) =>
      `arn:${req.partition.id}:securityhub:${req.region}:${kind}/${id}`;
    return {
      StandardsSubscriptions: ENABLED_STANDARDS.map(id => ({
        StandardsSubscriptionArn: arn(
          `${req.callerAccountId}:subscription`,
          id,
        ),
        StandardsArn: arn(':standards', id),
        StandardsInput: {},
        StandardsStatus: 'READY',
      })),
    };
  },
};

/**
 * GetFindings (ASFF) or GetFindingsV2 (OCSF): one page of the findings the
 * filters select, in the aggregated view from the partition's home Region.
 */
function getFindings(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  input: any,
  v2: boolean,
) {
  const maxResults = pageSizeOf(
    input.MaxResults,
    'MaxResults',
    100,
    100,
    'InvalidInputException',
  );
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
        if (sf.FieldName === 'cloud.account.uid') query.accounts.push(filter);
        else if (sf.FieldName === 'cloud.region') query.regions.push(filter);
        else if (OCSF_STRING_FIELDS[sf.FieldName])
          query.strings.push([OCSF_STRING_FIELDS[sf.FieldName], [filter]]);
        else
          throw new AwsFault(
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
          throw new AwsFault(
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
        throw new AwsFault(
          400,
          'InvalidInputException',
          `Unsupported filter ${field}`,
        );
    }
  }
  const fingerprint = JSON.stringify([req.region, input.Filters ?? {}, v2]);
  const result = page(org, query, fingerprint, input.NextToken, maxResults);
  if (!result) {
    throw new AwsFault(
      400,
      'InvalidInputException',
      'The NextToken is not valid for this request',
    );
  }
  return {
    Findings: result.findings.map(f => (v2 ? toOcsf(f) : toAsff(f))),
    ...tokenField('NextToken', result.nextToken),
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

/**
 * Security Hub (restJson1): `POST /findings` (GetFindings), `POST
 * /findingsv2` (GetFindingsV2), the finding aggregator reads and
 * GetEnabledStandards.
 */
export const securityHubService = defineService({
  signingName: 'securityhub',
  protocol: 'restJson1',
  throttle: [429, 'TooManyRequestsException'],
  serverError: 'InternalException',
  invalidBody: new AwsFault(
    400,
    'InvalidInputException',
    'The request body is not valid JSON',
  ),
  accountsNamed: accountsNamedBySecurityHubRequest,
  operations: [
    {
      name: 'GetFindings',
      http: { method: 'POST', path: /^\/findings$/ },
      respond: ({ org, req, input }) => getFindings(org, req, input, false),
    },
    {
      name: 'GetFindingsV2',
      http: { method: 'POST', path: /^\/findingsv2$/ },
      respond: ({ org, req, input }) => getFindings(org, req, input, true),
    },
    ...AGGREGATOR_OPERATIONS,
    STANDARDS_OPERATION,
  ],
});
