import { useMemo } from 'react';
import type { GovernanceFindingFilter } from '@region-expansion/plugin-region-expansion-common';
import { scopeOf } from '../components/GovernancePage/governanceFilters';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * Readers of the next page of the dashboard's paged lists, in the filter's
 * scope: the panels call them with the previous page's cursor.
 */
export function useGovernancePageLoaders(filter: GovernanceFindingFilter) {
  const api = useRegionExpansionApi();
  return useMemo(() => {
    const scope = scopeOf(filter);
    return {
      resilience: (cursor: string) =>
        api.listResilienceApps({ query: { ...scope, cursor } }),
      audit: (cursor: string) =>
        api.listAuditControls({ query: { ...scope, cursor } }),
      conformance: (cursor: string) =>
        api.listConformanceScores({ query: { ...scope, cursor } }),
    };
  }, [api, filter]);
}
