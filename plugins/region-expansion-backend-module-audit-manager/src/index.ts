/**
 * Region Expansion governance provider for AWS Audit Manager: active
 * assessments, control status and evidence counts by folder.
 *
 * @packageDocumentation
 */
export { regionExpansionModuleAuditManager as default } from './module';
export * from './AuditManagerGovernanceProvider';
export * from './mapAudit';
