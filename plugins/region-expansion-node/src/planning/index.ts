export * from './cellPlan';
export * from './registration';
export * from './applicationPlanePlan';
