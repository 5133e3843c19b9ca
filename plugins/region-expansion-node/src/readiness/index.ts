export * from './evaluateReadiness';
export * from './GovernanceSignalSource';
export * from './combineSignals';
export * from './capacitySignal';
export * from './findControlPlane';
export * from './composeReadinessSignals';
