export * from './evaluateReadiness';
export * from './GovernanceSignalSource';
