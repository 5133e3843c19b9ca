export * from './PlacementEngine';
export * from './quotas';
export * from './readiness';
export * from './rules';
