/**
 * Region Expansion demo estate: a backend module that seeds a
 * deterministic synthetic estate into the region-expansion backend.
 *
 * @packageDocumentation
 */
export { regionExpansionModuleDemo as default } from './module';
export * from './module';
export * from './DemoEstateSeeder';
export * from './demoCampaign';
export * from './demoDataConfig';
export * from './demoFootprint';
export * from './syntheticEstate';
