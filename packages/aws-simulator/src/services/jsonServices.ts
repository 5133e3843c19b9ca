import type { SyntheticOrganization } from '../organization';
import {
  awsJsonError,
  decodeToken,
  encodeToken,
  jsonResponse,
  SimulatedRequest,
} from '../protocol';
import { hashOf } from '../random';

/**
 * Data behind the SSM public parameters `/aws/service/global-infrastructure/...`
 * and the Price List locations, passed in (e.g. from the location and
 * availability snapshots); the simulator has none built in.
 *
 * @public
 */
export interface GlobalInfrastructureSnapshot {
  /** Regions with their partition and long name. */
  regions: Array<{ id: string; partition: string; longName?: string }>;
  /** Services by SSM service code, with the Regions offering them. */
  services: Array<{ code: string; longName?: string; regions: string[] }>;
}

type JsonHandler = { operation: string; respond: () => Response };

function parseBody(req: SimulatedRequest): any {
  return req.body ? JSON.parse(req.body) : {};
}

function paged<T>(
  items: T[],
  token: string | undefined,
  limit: number,
  fp: string,
) {
  const start = decodeToken(token, fp);
  if (start === undefined) return undefined;
  return {
    slice: items.slice(start, start + limit),
    next:
      start + limit < items.length ? encodeToken(start + limit, fp) : undefined,
  };
}

/**
 * Name of the one organization aggregator the simulator reports in every
 * account (DescribeConfigurationAggregators).
 *
 * @public
 */
export const SIMULATED_CONFIG_AGGREGATOR_NAME = 'organization-aggregator';

/** AWS Config (awsJson1_1, `StarlingDoveService.*`): aggregators and aggregator conformance pack compliance. */
export function handleConfig(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  target: string,
): JsonHandler | undefined {
  const operation = target.replace(/^StarlingDoveService\./, '');
  const packs = org.conformancePacks.filter(
    p => p.partition === req.partition.id,
  );
  const compliance = (p: (typeof packs)[number]) =>
    p.nonCompliantRuleCount > 0 ? 'NON_COMPLIANT' : 'COMPLIANT';
  const invalidToken = () =>
    awsJsonError(
      400,
      'InvalidNextTokenException',
      'The nextToken provided is invalid',
    );
  if (operation === 'DescribeConfigurationAggregators') {
    return {
      operation,
      respond: () => {
        const input = parseBody(req);
        const names: string[] = input.ConfigurationAggregatorNames ?? [];
        const unknown = names.find(n => n !== SIMULATED_CONFIG_AGGREGATOR_NAME);
        if (unknown) {
          return awsJsonError(
            400,
            'NoSuchConfigurationAggregatorException',
            `The configuration aggregator ${unknown} does not exist`,
          );
        }
        return jsonResponse(
          {
            ConfigurationAggregators: [
              {
                ConfigurationAggregatorName: SIMULATED_CONFIG_AGGREGATOR_NAME,
                ConfigurationAggregatorArn: `arn:${req.partition.id}:config:${req.region}:${req.callerAccountId}:config-aggregator/config-aggregator-simulated`,
                OrganizationAggregationSource: {
                  RoleArn: `arn:${req.partition.id}:iam::${req.callerAccountId}:role/ConfigAggregator`,
                  AllAwsRegions: true,
                },
                CreationTime: Math.floor(org.baseTime / 1000),
                LastUpdatedTime: Math.floor(org.baseTime / 1000),
              },
            ],
          },
          'application/x-amz-json-1.1',
        );
      },
    };
  }
  if (operation === 'DescribeAggregateComplianceByConformancePacks') {
    return {
      operation,
      respond: () => {
        const input = parseBody(req);
        if (!input.ConfigurationAggregatorName) {
          return awsJsonError(
            400,
            'ValidationException',
            'ConfigurationAggregatorName is required',
          );
        }
        const f = input.Filters ?? {};
        const limit = input.Limit || 100;
        if (limit > 100)
          return awsJsonError(
            400,
            'InvalidLimitException',
            'Limit must be at most 100',
          );
        const items = packs.filter(
          p =>
            (!f.AccountId || p.accountId === f.AccountId) &&
            (!f.AwsRegion || p.region === f.AwsRegion) &&
            (!f.ConformancePackName || p.name === f.ConformancePackName) &&
            (!f.ComplianceType || compliance(p) === f.ComplianceType),
        );
        const page = paged(
          items,
          input.NextToken,
          limit,
          `cp/${JSON.stringify(f)}`,
        );
        if (!page) return invalidToken();
        return jsonResponse(
          {
            AggregateComplianceByConformancePacks: page.slice.map(p => ({
              ConformancePackName: p.name,
              AccountId: p.accountId,
              AwsRegion: p.region,
              Compliance: {
                ComplianceType: compliance(p),
                CompliantRuleCount: p.compliantRuleCount,
                NonCompliantRuleCount: p.nonCompliantRuleCount,
                TotalRuleCount: p.totalRuleCount,
              },
            })),
            ...(page.next ? { NextToken: page.next } : {}),
          },
          'application/x-amz-json-1.1',
        );
      },
    };
  }
  if (operation === 'GetAggregateConformancePackComplianceSummary') {
    return {
      operation,
      respond: () => {
        const input = parseBody(req);
        const f = input.Filters ?? {};
        const key: 'ACCOUNT_ID' | 'AWS_REGION' =
          input.GroupByKey ?? 'ACCOUNT_ID';
        const groups = new Map<string, { c: number; n: number }>();
        for (const p of packs) {
          if (
            (f.AccountId && p.accountId !== f.AccountId) ||
            (f.AwsRegion && p.region !== f.AwsRegion)
          )
            continue;
          const name = key === 'AWS_REGION' ? p.region : p.accountId;
          const g = groups.get(name) ?? { c: 0, n: 0 };
          if (compliance(p) === 'COMPLIANT') g.c += 1;
          else g.n += 1;
          groups.set(name, g);
        }
        const page = paged(
          [...groups.entries()],
          input.NextToken,
          input.Limit || 100,
          `cps/${key}/${JSON.stringify(f)}`,
        );
        if (!page) return invalidToken();
        return jsonResponse(
          {
            AggregateConformancePackComplianceSummaries: page.slice.map(
              ([name, g]) => ({
                GroupName: name,
                ComplianceSummary: {
                  CompliantConformancePackCount: g.c,
                  NonCompliantConformancePackCount: g.n,
                },
              }),
            ),
            GroupByKey: key,
            ...(page.next ? { NextToken: page.next } : {}),
          },
          'application/x-amz-json-1.1',
        );
      },
    };
  }
  if (operation === 'ListConformancePackComplianceScores') {
    return {
      operation,
      respond: () => {
        const input = parseBody(req);
        const names: string[] = input.Filters?.ConformancePackNames ?? [];
        const items = packs.filter(
          p =>
            p.accountId === req.callerAccountId &&
            p.region === req.region &&
            (names.length === 0 || names.includes(p.name)),
        );
        const page = paged(
          items,
          input.NextToken,
          input.Limit || 100,
          `scores/${names.join()}`,
        );
        if (!page) return invalidToken();
        return jsonResponse(
          {
            ConformancePackComplianceScores: page.slice.map(p => ({
              ConformancePackName: p.name,
              Score: ((p.compliantRuleCount / p.totalRuleCount) * 100).toFixed(
                2,
              ),
              LastUpdatedTime: Math.floor(p.lastUpdated / 1000),
            })),
            ...(page.next ? { NextToken: page.next } : {}),
          },
          'application/x-amz-json-1.1',
        );
      },
    };
  }
  return undefined;
}

const GLOBAL_INFRASTRUCTURE = '/aws/service/global-infrastructure';

/**
 * All public parameters of the global-infrastructure tree for a partition, sorted by name.
 *
 * @public
 */
export function globalInfrastructureParameters(
  snapshot: GlobalInfrastructureSnapshot,
  partition: string,
): Array<[string, string]> {
  const regions = snapshot.regions.filter(r => r.partition === partition);
  const regionIds = new Set(regions.map(r => r.id));
  const out: Array<[string, string]> = [];
  for (const r of regions) {
    out.push([`${GLOBAL_INFRASTRUCTURE}/regions/${r.id}`, r.id]);
    if (r.longName)
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/regions/${r.id}/longName`,
        r.longName,
      ]);
    out.push([
      `${GLOBAL_INFRASTRUCTURE}/regions/${r.id}/partition`,
      r.partition,
    ]);
  }
  for (const s of snapshot.services) {
    const offered = s.regions.filter(r => regionIds.has(r));
    if (offered.length === 0) continue;
    out.push([`${GLOBAL_INFRASTRUCTURE}/services/${s.code}`, s.code]);
    if (s.longName)
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/services/${s.code}/longName`,
        s.longName,
      ]);
    for (const r of offered) {
      out.push([`${GLOBAL_INFRASTRUCTURE}/services/${s.code}/regions/${r}`, r]);
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/regions/${r}/services/${s.code}`,
        s.code,
      ]);
    }
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}

/** SSM (awsJson1_1, `AmazonSSM.GetParametersByPath`) over the public global-infrastructure parameters. */
export function handleSsm(
  req: SimulatedRequest,
  target: string,
  snapshot: GlobalInfrastructureSnapshot | undefined,
): JsonHandler | undefined {
  if (target !== 'AmazonSSM.GetParametersByPath') return undefined;
  return {
    operation: 'GetParametersByPath',
    respond: () => {
      const input = parseBody(req);
      const path = String(input.Path ?? '').replace(/\/+$/, '');
      const maxResults = input.MaxResults ?? 10;
      if (maxResults < 1 || maxResults > 10) {
        return awsJsonError(
          400,
          'ValidationException',
          'MaxResults must be between 1 and 10',
        );
      }
      const all = snapshot
        ? globalInfrastructureParameters(snapshot, req.partition.id)
        : [];
      const depth = path.split('/').length;
      const matching = all.filter(
        ([name]) =>
          name.startsWith(`${path}/`) &&
          (input.Recursive || name.split('/').length === depth + 1),
      );
      const page = paged(
        matching,
        input.NextToken,
        maxResults,
        `ssm/${path}/${!!input.Recursive}`,
      );
      if (!page)
        return awsJsonError(
          400,
          'ValidationException',
          'The NextToken is not valid',
        );
      const modified = snapshot ? 1_700_000_000 : 0;
      return jsonResponse(
        {
          Parameters: page.slice.map(([name, value]) => ({
            Name: name,
            Type: 'String',
            Value: value,
            Version: 1,
            LastModifiedDate: modified,
            ARN: `arn:${req.partition.id}:ssm:${req.region}::parameter${name}`,
            DataType: 'text',
          })),
          ...(page.next ? { NextToken: page.next } : {}),
        },
        'application/x-amz-json-1.1',
      );
    },
  };
}

const PRICED_PRODUCTS: Record<
  string,
  Array<{
    family: string;
    attributes: Record<string, string>;
    unit: string;
    usd: number;
  }>
> = {
  AmazonEC2: [
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'm7g.large',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.0816,
    },
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'c7g.xlarge',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.145,
    },
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'r7g.large',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.1071,
    },
  ],
  AmazonS3: [
    {
      family: 'Storage',
      attributes: { storageClass: 'General Purpose', volumeType: 'Standard' },
      unit: 'GB-Mo',
      usd: 0.023,
    },
  ],
  AmazonDynamoDB: [
    {
      family: 'Amazon DynamoDB PayPerRequest Throughput',
      attributes: { group: 'DDB-WriteUnits' },
      unit: 'WriteRequestUnits',
      usd: 0.00000125,
    },
  ],
  AWSLambda: [
    {
      family: 'Serverless',
      attributes: { group: 'AWS-Lambda-Duration-ARM' },
      unit: 'Lambda-GB-Second',
      usd: 0.0000133334,
    },
  ],
};

/** Price List (awsJson1_1, `AWSPriceListService.GetProducts`) with deterministic per-Region prices. */
export function handlePricing(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  target: string,
  snapshot: GlobalInfrastructureSnapshot | undefined,
): JsonHandler | undefined {
  if (target !== 'AWSPriceListService.GetProducts') return undefined;
  return {
    operation: 'GetProducts',
    respond: () => {
      const input = parseBody(req);
      const maxResults = input.MaxResults ?? 100;
      if (maxResults < 1 || maxResults > 100)
        return awsJsonError(
          400,
          'InvalidParameterException',
          'MaxResults must be between 1 and 100',
        );
      const templates = PRICED_PRODUCTS[input.ServiceCode];
      if (!templates)
        return awsJsonError(
          404,
          'NotFoundException',
          `Service ${input.ServiceCode} not found`,
        );
      const regions = snapshot?.regions.length
        ? snapshot.regions
        : org.regions.map(r => ({
            id: r.id,
            partition: r.partition,
            longName: undefined,
          }));
      const products = regions.flatMap(region =>
        templates.map(t => {
          const factor = 1 + (hashOf(region.id) % 30) / 100;
          const sku = hashOf(
            `${input.ServiceCode}/${region.id}/${JSON.stringify(t.attributes)}`,
          )
            .toString(36)
            .toUpperCase()
            .padStart(7, '0');
          const attributes: Record<string, string> = {
            ...t.attributes,
            servicecode: input.ServiceCode,
            regionCode: region.id,
            location: region.longName ?? region.id,
          };
          return {
            sku,
            attributes,
            family: t.family,
            unit: t.unit,
            usd: t.usd * factor,
          };
        }),
      );
      const filters: Array<{ Type: string; Field: string; Value: string }> =
        input.Filters ?? [];
      const matching = products.filter(p =>
        filters.every(f => {
          const value = p.attributes[f.Field];
          switch (f.Type) {
            case 'TERM_MATCH':
              return value === f.Value;
            case 'CONTAINS':
              return value !== undefined && value.includes(f.Value);
            case 'ANY_OF':
              return f.Value.split(',').includes(value);
            case 'NONE_OF':
              return !f.Value.split(',').includes(value);
            default:
              return false;
          }
        }),
      );
      const page = paged(
        matching,
        input.NextToken,
        maxResults,
        `price/${input.ServiceCode}/${JSON.stringify(filters)}`,
      );
      if (!page)
        return awsJsonError(
          400,
          'ExpiredNextTokenException',
          'The NextToken is not valid',
        );
      return jsonResponse(
        {
          FormatVersion: 'aws_v1',
          PriceList: page.slice.map(p =>
            JSON.stringify({
              product: {
                productFamily: p.family,
                attributes: p.attributes,
                sku: p.sku,
              },
              serviceCode: input.ServiceCode,
              terms: {
                OnDemand: {
                  [`${p.sku}.JRTCKXETXF`]: {
                    offerTermCode: 'JRTCKXETXF',
                    sku: p.sku,
                    effectiveDate: new Date(org.baseTime).toISOString(),
                    priceDimensions: {
                      [`${p.sku}.JRTCKXETXF.6YS6EN2CT7`]: {
                        unit: p.unit,
                        pricePerUnit: { USD: p.usd.toFixed(10) },
                        description: `${p.unit} in ${p.attributes.location}`,
                      },
                    },
                  },
                },
              },
              version: '20261101000000',
              publicationDate: new Date(org.baseTime).toISOString(),
            }),
          ),
          ...(page.next ? { NextToken: page.next } : {}),
        },
        'application/x-amz-json-1.1',
      );
    },
  };
}
