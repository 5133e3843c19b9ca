/**
 * Local AWS endpoint simulator: msw handlers and a standalone server speaking
 * the real wire protocols over a seeded synthetic organization.
 *
 * @packageDocumentation
 */
export * from './organization';
export { TokenBucket, FaultInjector, DEFAULT_RATE_LIMITS } from './faults';
export type { AwsSimulatorFaults, OperationRateLimit } from './faults';
export {
  createAwsSimulatorHandlers,
  AUDIT_MANAGER_NOT_REGISTERED_MESSAGE,
  SIMULATED_DENIED_ROLE_NAME,
} from './handlers';
export type { AwsSimulatorHandlerOptions } from './handlers';
export type { GlobalInfrastructureSnapshot } from './services/jsonServices';
export {
  globalInfrastructureParameters,
  SIMULATED_CONFIG_AGGREGATOR_NAME,
} from './services/jsonServices';
export { accessKeyIdFor } from './protocol';
export * from './server';
export * from './testing';
export * from './ssmGlobalInfrastructureHandlers';
