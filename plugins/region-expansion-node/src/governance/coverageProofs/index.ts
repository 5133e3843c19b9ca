export * from './types';
export type { CoverageReadContext } from './readContext';
export { aggregatorLinks } from './securityHubProof';
export * from './proveRegionCoverage';
export * from './GovernanceCoverageSignals';
