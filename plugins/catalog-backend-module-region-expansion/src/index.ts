/**
 * Catalog backend module of Region Expansion: an entity provider that emits
 * Regions, Local Zones, Outposts and cells as `Resource` entities.
 *
 * @packageDocumentation
 */
export { catalogModuleRegionExpansion as default } from './module';
export {
  RegionExpansionEntityProvider,
  type RegionExpansionEntityProviderOptions,
} from './provider/RegionExpansionEntityProvider';
export {
  DEFAULT_REGION_EXPANSION_OWNER,
  DEFAULT_REGION_EXPANSION_SCHEDULE,
  readRegionExpansionProviderConfig,
  type RegionExpansionProviderConfig,
} from './provider/config';
export {
  CELL_ENTITY_TYPE,
  LOCATION_ENTITY_TYPES,
  REGION_EXPANSION_ANNOTATIONS,
  REGION_EXPANSION_LABELS,
  locationsAndCellsToEntities,
  toEntityName,
  type LocationsAndCellsInput,
} from './transform/locationsAndCellsToEntities';
