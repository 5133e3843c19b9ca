export {
  RegionExpansionSearchResultListItem,
  type RegionExpansionSearchResultListItemProps,
} from './RegionExpansionSearchResultListItem';
