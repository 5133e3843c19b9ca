export * from './residencyRules';
export * from './evaluateResidency';
