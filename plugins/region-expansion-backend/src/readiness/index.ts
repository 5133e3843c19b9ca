export * from './ReadinessStore';
export * from './KnexReadinessStore';
export * from './ReadinessService';
export * from './ReadinessEvaluator';
export * from './FootprintAssessor';
export * from './router';
export * from './config';
export * from './uploadedFootprint';
