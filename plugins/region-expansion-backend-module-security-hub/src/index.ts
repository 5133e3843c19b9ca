/**
 * Region Expansion governance provider for Security Hub (ASFF GetFindings and
 * OCSF GetFindingsV2).
 *
 * @packageDocumentation
 */
export { regionExpansionModuleSecurityHub as default } from './module';
export * from './SecurityHubGovernanceProvider';
export * from './mapFindings';
export * from './findingAggregatorCoverage';
