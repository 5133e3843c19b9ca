export * from './types';
export * from './extensionPoint';
export * from './limits';
export * from './errors';
export * from './reasons';
export * from './GovernanceAwsContext';
export * from './runTargets';
export * from './providerCalls';
