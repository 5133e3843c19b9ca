export { regionExpansionApiRef } from './RegionExpansionApi';
export type { RegionExpansionApi } from './RegionExpansionApi';
