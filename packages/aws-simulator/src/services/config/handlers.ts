import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, SimulatedRequest, tokenField } from '../../protocol';
import { defineService } from '../defineService';
import type { SimulatedConformancePack } from './data';

/**
 * Name of the one organization aggregator the simulator reports in every
 * account (DescribeConfigurationAggregators).
 *
 * @public
 */
export const SIMULATED_CONFIG_AGGREGATOR_NAME = 'organization-aggregator';

const INVALID_TOKEN = new AwsFault(
  400,
  'InvalidNextTokenException',
  'The nextToken provided is invalid',
);

function packsOf(org: SyntheticOrganization, req: SimulatedRequest) {
  return org.conformancePacks.filter(p => p.partition === req.partition.id);
}

function complianceOf(p: SimulatedConformancePack) {
  return p.nonCompliantRuleCount > 0 ? 'NON_COMPLIANT' : 'COMPLIANT';
}

/**
 * AWS Config (awsJson1_1, `StarlingDoveService.*`): the organization
 * aggregator and aggregator reads over the organization's conformance
 * packs.
 */
export const configService = defineService({
  signingName: 'config',
  protocol: 'awsJson1_1',
  targetPrefix: 'StarlingDoveService',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalServerException',
  operations: [
    {
      name: 'DescribeConfigurationAggregators',
      respond: ({ org, req, input }) => {
        const names: string[] = input.ConfigurationAggregatorNames ?? [];
        const unknown = names.find(n => n !== SIMULATED_CONFIG_AGGREGATOR_NAME);
        if (unknown) {
          throw new AwsFault(
            400,
            'NoSuchConfigurationAggregatorException',
            `The configuration aggregator ${unknown} does not exist`,
          );
        }
        return {
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
        };
      },
    },
    {
      name: 'DescribeAggregateComplianceByConformancePacks',
      respond: ({ org, req, input }) => {
        if (!input.ConfigurationAggregatorName) {
          throw new AwsFault(
            400,
            'ValidationException',
            'ConfigurationAggregatorName is required',
          );
        }
        const f = input.Filters ?? {};
        const limit = input.Limit || 100;
        if (limit > 100)
          throw new AwsFault(
            400,
            'InvalidLimitException',
            'Limit must be at most 100',
          );
        const items = packsOf(org, req).filter(
          p =>
            (!f.AccountId || p.accountId === f.AccountId) &&
            (!f.AwsRegion || p.region === f.AwsRegion) &&
            (!f.ConformancePackName || p.name === f.ConformancePackName) &&
            (!f.ComplianceType || complianceOf(p) === f.ComplianceType),
        );
        const page = pageOf(
          items,
          input.NextToken,
          limit,
          `cp/${JSON.stringify(f)}`,
          INVALID_TOKEN,
        );
        return {
          AggregateComplianceByConformancePacks: page.slice.map(p => ({
            ConformancePackName: p.name,
            AccountId: p.accountId,
            AwsRegion: p.region,
            Compliance: {
              ComplianceType: complianceOf(p),
              CompliantRuleCount: p.compliantRuleCount,
              NonCompliantRuleCount: p.nonCompliantRuleCount,
              TotalRuleCount: p.totalRuleCount,
            },
          })),
          ...tokenField('NextToken', page.next),
        };
      },
    },
    {
      name: 'GetAggregateConformancePackComplianceSummary',
      respond: ({ org, req, input }) => {
        const f = input.Filters ?? {};
        const key: 'ACCOUNT_ID' | 'AWS_REGION' =
          input.GroupByKey ?? 'ACCOUNT_ID';
        const groups = new Map<string, { c: number; n: number }>();
        for (const p of packsOf(org, req)) {
          if (
            (f.AccountId && p.accountId !== f.AccountId) ||
            (f.AwsRegion && p.region !== f.AwsRegion)
          )
            continue;
          const name = key === 'AWS_REGION' ? p.region : p.accountId;
          const g = groups.get(name) ?? { c: 0, n: 0 };
          if (complianceOf(p) === 'COMPLIANT') g.c += 1;
          else g.n += 1;
          groups.set(name, g);
        }
        const page = pageOf(
          [...groups.entries()],
          input.NextToken,
          input.Limit || 100,
          `cps/${key}/${JSON.stringify(f)}`,
          INVALID_TOKEN,
        );
        return {
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
          ...tokenField('NextToken', page.next),
        };
      },
    },
    {
      name: 'ListConformancePackComplianceScores',
      respond: ({ org, req, input }) => {
        const names: string[] = input.Filters?.ConformancePackNames ?? [];
        const items = packsOf(org, req).filter(
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
          INVALID_TOKEN,
        );
        return {
          ConformancePackComplianceScores: page.slice.map(p => ({
            ConformancePackName: p.name,
            Score: ((p.compliantRuleCount / p.totalRuleCount) * 100).toFixed(2),
            LastUpdatedTime: Math.floor(p.lastUpdated / 1000),
          })),
          ...tokenField('NextToken', page.next),
        };
      },
    },
  ],
});
