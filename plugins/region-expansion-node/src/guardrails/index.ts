export * from './renderGuardrails';
