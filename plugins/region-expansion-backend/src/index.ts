/**
 * Backend plugin of Region Expansion: REST API and store for partitions,
 * locations, control planes, cells, tenants and placement.
 *
 * @packageDocumentation
 */
export { regionExpansionPlugin as default } from './plugin';
