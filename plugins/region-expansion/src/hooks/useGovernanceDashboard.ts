import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { GovernanceFindingFilter } from '@region-expansion/plugin-region-expansion-common';
import {
  filterWithout,
  GOVERNANCE_FACETS,
  scopeOf,
} from '../components/GovernancePage/governanceFilters';
import { readPages } from '../components/shared/useMorePages';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** Days of history the trend charts show. */
const TREND_DAYS = 90;

/**
 * Pages of history read for the trends: at the route's largest page, 90
 * days of 5 sources in 4 partitions fit in one.
 */
const TREND_MAX_PAGES = 5;

/** The first day of the trend window, as `since` takes it. */
function trendSince(now: Date): string {
  return new Date(now.getTime() - (TREND_DAYS - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * Everything the governance dashboard shows for one filter, read in
 * parallel: each facet's options counted over the other facets, findings
 * by severity and by control, freshness, the trend window's history, and
 * the first page of Resilience Hub apps, audit controls and conformance
 * scores (those routes take the filter's scope only). `retry` reads it all
 * again, as after a sync was started.
 */
export function useGovernanceDashboard(filter: GovernanceFindingFilter) {
  const api = useRegionExpansionApi();
  return useAsyncRetry(async () => {
    const scope = scopeOf(filter);
    const [
      facetSummaries,
      severities,
      controls,
      freshness,
      history,
      resilience,
      audit,
      conformance,
    ] = await Promise.all([
      Promise.all(
        GOVERNANCE_FACETS.map(facet =>
          api.getGovernanceSummary({
            query: {
              ...filterWithout(filter, facet.param),
              groupBy: facet.groupBy,
            },
          }),
        ),
      ),
      api.getGovernanceSummary({ query: { ...filter, groupBy: 'severity' } }),
      api.getGovernanceSummary({ query: { ...filter, groupBy: 'control' } }),
      api
        .getGovernanceFreshness({ query: { partition: filter.partition } })
        .then(r => r.items),
      readPages(
        cursor =>
          api.getGovernanceHistory({
            query: {
              partition: filter.partition,
              since: trendSince(new Date()),
              limit: 2000,
              cursor,
            },
          }),
        TREND_MAX_PAGES,
      ),
      api.listResilienceApps({ query: scope }),
      api.listAuditControls({ query: scope }),
      api.listConformanceScores({ query: scope }),
    ]);
    return {
      facetOptions: facetSummaries.map(summary =>
        summary.groups.map(group => ({
          value: group.key,
          label: `${group.key} (${group.total})`,
        })),
      ),
      severities: severities.groups,
      controls: controls.groups,
      freshness,
      history,
      resilience,
      audit,
      conformance,
    };
  }, [api, filter]);
}
