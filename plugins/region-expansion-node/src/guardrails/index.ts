export * from './renderGuardrails';
export * from './drift';
