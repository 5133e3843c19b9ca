import type { SyntheticOrganization } from '../../organization';
import {
  awsJsonError,
  jsonResponse,
  pageOf,
  parseJsonBody,
  SimulatedRequest,
} from '../../protocol';
import type { SimulatedOperation, SimulatedService } from '../types';

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
): SimulatedOperation | undefined {
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
        const input = parseJsonBody(req);
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
        const input = parseJsonBody(req);
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
        const page = pageOf(
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
        const input = parseJsonBody(req);
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
        const page = pageOf(
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
        const input = parseJsonBody(req);
        const names: string[] = input.Filters?.ConformancePackNames ?? [];
        const items = packs.filter(
          p =>
            p.accountId === req.callerAccountId &&
            p.region === req.region &&
            (names.length === 0 || names.includes(p.name)),
        );
        const page = pageOf(
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

/** AWS Config: aggregator reads over the organization's conformance packs. */
export const configService: SimulatedService = {
  signingName: 'config',
  hostPrefix: 'config.',
  protocol: 'awsJson1_1',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalServerException',
  deniesAccess: true,
  route: ({ org, req, target }) => handleConfig(org, req, target),
};
