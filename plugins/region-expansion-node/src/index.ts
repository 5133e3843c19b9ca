/**
 * Node.js library of the Region Expansion plugin: location model, placement,
 * footprint, availability, residency and readiness, plus extension points.
 *
 * @packageDocumentation
 */
export * from './availability';
export * from './footprint';
export * from './cloudtrail';
export * from './residency';
export * from './design';
export * from './readiness';
export * from './assessment';
export * from './locations';
export * from './placement';
export * from './controlPlane';
export * from './planning';
export * from './guardrails';
export * from './governance';
export * from './seed';
export * from './validation';
export * from './permissions';
export * from './cost';
export * from './comparison';
export * from './evidence';
export * from './runbooks';
export * from './campaigns';
