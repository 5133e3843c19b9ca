/**
 * Region Expansion governance provider for AWS Resilience Hub: applications,
 * their latest successful assessment and RTO/RPO compliance per disruption
 * type.
 *
 * @packageDocumentation
 */
export { regionExpansionModuleResilienceHub as default } from './module';
export * from './ResilienceHubGovernanceProvider';
export * from './mapResilience';
