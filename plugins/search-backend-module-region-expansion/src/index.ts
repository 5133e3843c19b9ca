/**
 * Search backend module of Region Expansion: collators that index Regions,
 * Local Zones, Outposts, cells and tenants for the portal's search.
 *
 * @packageDocumentation
 */
export { searchModuleRegionExpansionCollator as default } from './module';
export {
  RegionExpansionCollatorFactory,
  type RegionExpansionCollatorFactoryOptions,
} from './collators/RegionExpansionCollatorFactory';
export type { DocumentSourceName } from './collators/documentSources';
export {
  DEFAULT_REGION_EXPANSION_BASE_PATH,
  DEFAULT_REGION_EXPANSION_SEARCH_SCHEDULE,
  readRegionExpansionSearchConfig,
  type RegionExpansionSearchConfig,
} from './config';
export {
  cellToSearchDocument,
  locationToSearchDocument,
  tenantToSearchDocument,
  type Indexable,
} from './documents/searchDocuments';
