export * from './compareGuardrails';
export * from './diffPolicyStatements';
export * from './guardrailDriftSignal';
export * from './GuardrailDriftChecker';
export * from './readOrganization';
