import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { isRegionExpansionSearchType } from '@region-expansion/plugin-region-expansion-common';

/**
 * Renders the region-expansion search results (Regions, Local Zones,
 * Outposts, cells, tenants) on the search page of a new-frontend-system app.
 *
 * @alpha
 */
export const regionExpansionSearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      predicate: result => isRegionExpansionSearchType(result.type),
      component: () =>
        import('../components/SearchResultListItem').then(
          m => m.RegionExpansionSearchResultListItem,
        ),
    },
  });
