/**
 * Scaffolder actions of Region Expansion: assess a target location, plan
 * cells and quotas, render the Regional application plane (AWS CDK) and its
 * guardrails, register the Region plan, and publish the code locally.
 * The rules behind them live in `@region-expansion/plugin-region-expansion-node`;
 * this package exports the module and the action factories.
 *
 * @packageDocumentation
 */
export { scaffolderModuleRegionExpansion as default } from './module';
export * from './actions';
