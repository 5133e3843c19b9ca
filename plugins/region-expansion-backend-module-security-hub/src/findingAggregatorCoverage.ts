import type {
  GovernanceCoverage,
  GovernanceCoverageProof,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * The settings of a Security Hub finding aggregator, from
 * GetFindingAggregator (CSPM) or GetAggregatorV2 (the new Security Hub).
 *
 * @public
 */
export interface FindingAggregatorSettings {
  /** Region the aggregator aggregates into. */
  aggregationRegion?: string;
  /** `ALL_REGIONS`, `ALL_REGIONS_EXCEPT_SPECIFIED`, `SPECIFIED_REGIONS` or `NO_REGIONS`. */
  linkingMode?: string;
  /** Regions the mode names (linked, or left out with `ALL_REGIONS_EXCEPT_SPECIFIED`). */
  regions: readonly string[];
}

const MODES = new Set([
  'ALL_REGIONS',
  'ALL_REGIONS_EXCEPT_SPECIFIED',
  'SPECIFIED_REGIONS',
  'NO_REGIONS',
]);
const REGION_CODE = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;

/**
 * The Regions whose findings a read in the target's Region covers: the
 * target's Region itself (`aggregation-region`), and the Regions the
 * aggregator that aggregates into it links (`finding-aggregator`), with
 * `ALL_REGIONS` expanded to `partitionRegions`. Without such an aggregator,
 * or when it could not be read (`unreadable` names the reason's class),
 * only the target's Region is covered. Only known linking modes and
 * well-formed Region codes reach the reader-facing text.
 *
 * @public
 */
export function findingAggregatorCoverage(
  target: GovernanceTarget,
  aggregators: readonly FindingAggregatorSettings[],
  partitionRegions: readonly string[],
  options: { unreadable?: string } = {},
): GovernanceCoverage {
  const home = target.region;
  const direct: GovernanceCoverageProof = {
    region: home,
    method: 'aggregation-region',
    detail: `findings are read in ${home}`,
  };
  if (options.unreadable) {
    return {
      regions: [direct],
      scope: `The finding aggregator of account ${target.accountId} in ${home} could not be read (${options.unreadable}): only ${home}, where findings are read, is covered.`,
    };
  }
  const aggregator = aggregators.find(a => a.aggregationRegion === home);
  if (!aggregator) {
    const elsewhere = aggregators
      .map(a => a.aggregationRegion)
      .find((r): r is string => !!r && REGION_CODE.test(r));
    return {
      regions: [direct],
      scope: elsewhere
        ? `The finding aggregator of account ${target.accountId} aggregates into ${elsewhere}, not ${home} where findings are read: only ${home} is covered.`
        : `Account ${target.accountId} has no finding aggregator in ${home}: findings of other Regions are not aggregated there, only ${home} is covered.`,
    };
  }
  const mode =
    aggregator.linkingMode && MODES.has(aggregator.linkingMode)
      ? aggregator.linkingMode
      : 'NO_REGIONS';
  const listed = [
    ...new Set(aggregator.regions.filter(r => REGION_CODE.test(r))),
  ].sort();
  const where = `The finding aggregator in ${home}`;
  let linked: readonly string[];
  let scope: string;
  switch (mode) {
    case 'ALL_REGIONS':
      linked = partitionRegions;
      scope = `${where} links ALL_REGIONS: every Region of ${target.partition} in the location catalog.`;
      break;
    case 'ALL_REGIONS_EXCEPT_SPECIFIED':
      linked = partitionRegions.filter(r => !listed.includes(r));
      scope = `${where} links ALL_REGIONS_EXCEPT_SPECIFIED: every Region of ${
        target.partition
      } in the location catalog except ${listed.join(', ') || 'none'}.`;
      break;
    case 'SPECIFIED_REGIONS': {
      linked = listed;
      // The shorter list for readers: what is linked, or what is not.
      const missing = partitionRegions.filter(
        r => r !== home && !listed.includes(r),
      );
      scope =
        missing.length && missing.length < listed.length
          ? `${where} links SPECIFIED_REGIONS: every Region of ${
              target.partition
            } in the location catalog except ${missing.join(', ')}.`
          : `${where} links SPECIFIED_REGIONS: ${
              listed.join(', ') || 'none'
            }; no other Region of ${target.partition}.`;
      break;
    }
    default:
      linked = [];
      scope = `${where} links ${mode}: only ${home} is covered.`;
  }
  return {
    regions: [
      direct,
      ...linked
        .filter(r => r !== home)
        .map(
          (region): GovernanceCoverageProof => ({
            region,
            method: 'finding-aggregator',
            detail: `linked to the finding aggregator in ${home} (${mode})`,
          }),
        ),
    ],
    scope,
  };
}
