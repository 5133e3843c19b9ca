/**
 * Scaffolder actions of Region Expansion: assess a target location, plan
 * cells and quotas, render the Regional application plane (AWS CDK) and its
 * guardrails, register the Region plan, and publish the code locally.
 *
 * @packageDocumentation
 */
export { scaffolderModuleRegionExpansion as default } from './module';
export * from './actions';
export * from './domain/assessment';
export * from './domain/errors';
export * from './domain/publish';
export * from './domain/workspace';
export * from './render/applicationPlane';
