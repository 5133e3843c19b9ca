import type {
  AggregateComplianceByConformancePack,
  ConfigurationAggregator,
} from '@aws-sdk/client-config-service';
import type {
  ConformanceScoreRow,
  GovernanceCoverage,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * A conformance pack's compliance in one account and Region, read through an
 * aggregator, as a governance row. The score is the percent of compliant
 * rules (two decimals); a pack without rules scores 0, never 100.
 *
 * @public
 */
export function conformanceScoreRow(
  item: AggregateComplianceByConformancePack,
  partition: string,
): ConformanceScoreRow {
  const compliance = item.Compliance ?? {};
  const compliant = compliance.CompliantRuleCount ?? 0;
  const nonCompliant = compliance.NonCompliantRuleCount ?? 0;
  const total = compliance.TotalRuleCount ?? compliant + nonCompliant;
  return {
    partition,
    accountId: item.AccountId!,
    region: item.AwsRegion!,
    packName: item.ConformancePackName!,
    complianceType: String(compliance.ComplianceType ?? 'INSUFFICIENT_DATA'),
    compliantRules: compliant,
    nonCompliantRules: nonCompliant,
    totalRules: total,
    score: total > 0 ? Math.round((compliant / total) * 10_000) / 100 : 0,
  };
}

/**
 * The aggregator to read when none is configured: an organization
 * aggregator first, then one over all Regions, then the first by name.
 *
 * @public
 */
export function chooseAggregator(
  aggregators: readonly ConfigurationAggregator[],
): string | undefined {
  return chooseAggregatorOf(aggregators)?.ConfigurationAggregatorName;
}

/**
 * The aggregator {@link chooseAggregator} names, with its sources.
 *
 * @public
 */
export function chooseAggregatorOf(
  aggregators: readonly ConfigurationAggregator[],
): ConfigurationAggregator | undefined {
  const named = aggregators
    .filter(a => !!a.ConfigurationAggregatorName)
    .sort((a, b) =>
      a.ConfigurationAggregatorName!.localeCompare(
        b.ConfigurationAggregatorName!,
      ),
    );
  const rank = (a: ConfigurationAggregator) => {
    if (a.OrganizationAggregationSource) return 0;
    if (a.AccountAggregationSources?.some(s => s.AllAwsRegions)) return 1;
    return 2;
  };
  return [...named].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Whether an aggregator aggregates an account in a Region: an organization
 * source covers every account of the organization, an account source the
 * accounts it lists; either in all Regions or in the Regions it lists.
 *
 * @public
 */
export function aggregatorCovers(
  aggregator: ConfigurationAggregator,
  accountId: string,
  region: string,
): boolean {
  const inRegions = (source: {
    AllAwsRegions?: boolean;
    AwsRegions?: string[];
  }) => !!source.AllAwsRegions || !!source.AwsRegions?.includes(region);
  const organization = aggregator.OrganizationAggregationSource;
  if (organization && inRegions(organization)) return true;
  return (aggregator.AccountAggregationSources ?? []).some(
    source => !!source.AccountIds?.includes(accountId) && inRegions(source),
  );
}

/**
 * What a target's read proves: the Region is covered when the aggregator
 * aggregates the account there and reports conformance packs from it.
 *
 * @public
 */
export function conformanceCoverage(
  target: GovernanceTarget,
  aggregator: ConfigurationAggregator,
  packs: number,
): GovernanceCoverage {
  const name = aggregator.ConfigurationAggregatorName ?? 'the aggregator';
  const where = `account ${target.accountId} in ${target.region}`;
  if (!aggregatorCovers(aggregator, target.accountId, target.region))
    return {
      regions: [],
      scope: `AWS Config aggregator ${name} does not aggregate ${where}.`,
    };
  if (packs === 0)
    return {
      regions: [],
      scope: `AWS Config aggregator ${name} aggregates ${where} but reports no conformance pack there.`,
    };
  return {
    regions: [
      {
        region: target.region,
        method: 'config-aggregator',
        detail: `${packs} conformance pack${
          packs === 1 ? '' : 's'
        } reported through AWS Config aggregator ${name}`,
      },
    ],
    scope: `AWS Config aggregator ${name} reports ${packs} conformance pack${
      packs === 1 ? '' : 's'
    } of ${where}.`,
  };
}
