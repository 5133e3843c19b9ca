import type {
  GovernanceFindingFilter,
  GovernanceGroupBy,
  GovernanceScope,
} from '@region-expansion/plugin-region-expansion-common';

/** One facet of the dashboard: its label, URL/API parameter and summary dimension. */
export interface GovernanceFacet {
  label: string;
  /** Name in the URL and in the API query. */
  param: keyof GovernanceFindingFilter;
  groupBy: GovernanceGroupBy;
}

/** The facets, in the order the dashboard shows them. */
export const GOVERNANCE_FACETS: readonly GovernanceFacet[] = [
  { label: 'Partition', param: 'partition', groupBy: 'partition' },
  { label: 'Region', param: 'region', groupBy: 'region' },
  { label: 'Account', param: 'accountId', groupBy: 'account' },
  { label: 'Severity', param: 'severity', groupBy: 'severity' },
  { label: 'Control', param: 'controlId', groupBy: 'control' },
  { label: 'Status', param: 'complianceStatus', groupBy: 'status' },
];

/** Reads the facet values from the URL query; absent or empty means "any". */
export function filterFromSearchParams(
  params: URLSearchParams,
): GovernanceFindingFilter {
  const filter: GovernanceFindingFilter = {};
  for (const facet of GOVERNANCE_FACETS) {
    const value = params.get(facet.param);
    if (value) (filter as Record<string, string>)[facet.param] = value;
  }
  return filter;
}

/** The filter without one facet: what that facet's options are counted over. */
export function filterWithout(
  filter: GovernanceFindingFilter,
  param: keyof GovernanceFindingFilter,
): GovernanceFindingFilter {
  const { [param]: _omitted, ...rest } = filter;
  return rest;
}

/** The part of the filter the Resilience Hub, audit and Config routes accept. */
export function scopeOf(filter: GovernanceFindingFilter): GovernanceScope {
  return {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
  };
}
