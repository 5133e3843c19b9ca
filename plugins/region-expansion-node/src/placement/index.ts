export * from './PlacementEngine';
export { naivePlace } from './naivePlace';
export * from './quotas';
export * from './readiness';
export * from './rules';
