import type {
  AggregateComplianceByConformancePack,
  ConfigurationAggregator,
} from '@aws-sdk/client-config-service';
import type { ConformanceScoreRow } from '@region-expansion/plugin-region-expansion-node';

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
  const best = [...named].sort((a, b) => rank(a) - rank(b))[0];
  return best?.ConfigurationAggregatorName;
}
