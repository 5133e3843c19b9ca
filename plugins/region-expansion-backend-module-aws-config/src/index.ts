/**
 * Region Expansion governance provider for AWS Config: conformance pack
 * compliance scores through a configuration aggregator.
 *
 * @packageDocumentation
 */
export { regionExpansionModuleAwsConfig as default } from './module';
export * from './AwsConfigGovernanceProvider';
export * from './mapConformance';
