/**
 * Local AWS endpoint simulator: msw handlers and a standalone server speaking
 * the real wire protocols over a seeded synthetic organization.
 *
 * @packageDocumentation
 */
export * from './organization';
export type {
  FindingAggregatorLinkingMode,
  SimulatedControl,
  SimulatedFinding,
  SimulatedFindingAggregator,
} from './services/securityHub/data';
export type {
  DisruptionType,
  SimulatedAppAssessment,
  SimulatedResilienceApp,
} from './services/resilienceHub/data';
export type {
  SimulatedAuditAssessment,
  SimulatedAuditControl,
} from './services/auditManager/data';
export type { SimulatedConformancePack } from './services/config/data';
export {
  simulatedDailyCost,
  simulatedFirstSpendDay,
} from './services/costExplorer/data';
export type {
  SimulatedCoverageGaps,
  SimulatedCoverageGapsOption,
} from './services/coverageGaps';
export {
  attachOrganizationTree,
  createSimulatedOrganizationTree,
  organizationTreeOf,
  FULL_AWS_ACCESS_POLICY_ID,
  SIMULATED_GUARDRAIL_DRIFTS,
} from './services/organizations/data';
export {
  guardrailSeedOf,
  type RenderedGuardrailsForSeed,
} from './services/organizations/guardrailSeedOf';
export type {
  SimulatedGuardrailDrift,
  SimulatedGuardrailSeed,
  SimulatedOrganizationAccount,
  SimulatedOrganizationalUnit,
  SimulatedOrganizationTree,
  SimulatedOrganizationTreeSize,
  SimulatedPolicyDocument,
  SimulatedServiceControlPolicy,
} from './services/organizations/data';
export {
  simulatedCloudTrailRecords,
  writeSimulatedCloudTrailLogs,
  CLOUDTRAIL_DAYS,
  CLOUDTRAIL_RECORDS_PER_ACCOUNT_REGION,
} from './services/cloudTrail/records';
export type { SimulatedCloudTrailRecord } from './services/cloudTrail/records';
export { simulatedEventDataStores } from './services/cloudTrail/handlers';
export type { SimulatedEventDataStore } from './services/cloudTrail/handlers';
export {
  SIMULATED_ATHENA_DATABASE,
  SIMULATED_ATHENA_TABLE,
} from './services/athena/handlers';
export { TokenBucket, FaultInjector, DEFAULT_RATE_LIMITS } from './faults';
export type { AwsSimulatorFaults, OperationRateLimit } from './faults';
export {
  createAwsSimulatorHandlers,
  AUDIT_MANAGER_NOT_REGISTERED_MESSAGE,
  SIMULATED_DENIED_ROLE_NAME,
} from './handlers';
export type { AwsSimulatorHandlerOptions } from './handlers';
export type { GlobalInfrastructureSnapshot } from './globalInfrastructure';
export { globalInfrastructureParameters } from './services/ssm/data';
export { SIMULATED_CONFIG_AGGREGATOR_NAME } from './services/config/handlers';
export { accessKeyIdFor } from './protocol';
export * from './server';
export * from './testing';
export * from './services/ssm/globalInfrastructureHandlers';
