import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, SimulatedRequest, tokenField } from '../../protocol';
import { aggregatedRegionsOf, readableCoverage } from '../coverageGaps';
import { defineService, OperationRequest } from '../defineService';
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

/** The partition's packs in the Regions its aggregator aggregates. */
function packsOf(org: SyntheticOrganization, req: SimulatedRequest) {
  const aggregated = aggregatedRegionsOf(org.coverageGaps, req.partition);
  return org.conformancePacks.filter(
    p =>
      p.partition === req.partition.id &&
      (!aggregated || aggregated.includes(p.region)),
  );
}

/** Epoch seconds, as awsJson1_1 sends timestamps. */
const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The caller's recorder in the Region: recording since the base time where
 * governance covers the Region, stopped a day before it where it does not.
 */
function recorderStatus({ org, req }: OperationRequest) {
  const covered =
    readableCoverage(
      org.coverageGaps,
      req,
      'config:DescribeConfigurationRecorderStatus',
      'awsJson1_1',
    ) === 'covered';
  const started = seconds(org.baseTime - 30 * 86_400_000);
  return {
    ConfigurationRecordersStatus: [
      {
        arn: `arn:${req.partition.id}:config:${req.region}:${req.callerAccountId}:configuration-recorder/default/simulated`,
        name: 'default',
        lastStartTime: started,
        recording: covered,
        lastStatus: covered ? 'Success' : 'Failure',
        lastStatusChangeTime: seconds(org.baseTime - 86_400_000),
        ...(covered
          ? {}
          : {
              lastStopTime: seconds(org.baseTime - 86_400_000),
              lastErrorCode: 'AccessDenied',
              lastErrorMessage: 'The recorder role cannot read resources',
            }),
      },
    ],
  };
}

/** The caller's delivery channel in the Region: delivering where covered, failing to its bucket where not. */
function deliveryStatus({ org, req }: OperationRequest) {
  const covered =
    readableCoverage(
      org.coverageGaps,
      req,
      'config:DescribeDeliveryChannelStatus',
      'awsJson1_1',
    ) === 'covered';
  const attempt = seconds(org.baseTime - 3_600_000);
  const delivery = covered
    ? {
        lastStatus: 'Success',
        lastAttemptTime: attempt,
        lastSuccessfulTime: attempt,
      }
    : {
        lastStatus: 'Failure',
        lastErrorCode: 'NoSuchBucket',
        lastErrorMessage: 'The specified bucket does not exist',
        lastAttemptTime: attempt,
        lastSuccessfulTime: seconds(org.baseTime - 40 * 86_400_000),
      };
  return {
    DeliveryChannelsStatus: [
      {
        name: 'default',
        configSnapshotDeliveryInfo: delivery,
        configHistoryDeliveryInfo: delivery,
        configStreamDeliveryInfo: {
          lastStatus: 'NOT_APPLICABLE',
          lastStatusChangeTime: attempt,
        },
      },
    ],
  };
}

function complianceOf(p: SimulatedConformancePack) {
  return p.nonCompliantRuleCount > 0 ? 'NON_COMPLIANT' : 'COMPLIANT';
}

/** All Regions, or the aggregated ones of a partition with coverage gaps. */
function aggregatedRegionsField(
  org: SyntheticOrganization,
  req: SimulatedRequest,
) {
  const regions = aggregatedRegionsOf(org.coverageGaps, req.partition);
  return regions
    ? { AllAwsRegions: false, AwsRegions: regions }
    : { AllAwsRegions: true };
}

/**
 * AWS Config (awsJson1_1, `StarlingDoveService.*`): the organization
 * aggregator and aggregator reads over the organization's conformance
 * packs, and the recorder and delivery channel status of the caller's
 * account in the Region.
 */
export const configService = defineService({
  signingName: 'config',
  protocol: 'awsJson1_1',
  targetPrefix: 'StarlingDoveService',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalServerException',
  operations: [
    { name: 'DescribeConfigurationRecorderStatus', respond: recorderStatus },
    { name: 'DescribeDeliveryChannelStatus', respond: deliveryStatus },
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
                ...aggregatedRegionsField(org, req),
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
