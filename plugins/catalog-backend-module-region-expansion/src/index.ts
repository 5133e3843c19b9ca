/***/
/**
 * The region-expansion-provider module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleRegionExpansion as default } from './module';
