export * from './GovernanceStore';
export * from './GovernanceSyncService';
export * from './router';
export * from './evidenceBundle';
export * from './GovernanceReadinessSignals';
