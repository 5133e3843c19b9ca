export * from './ReadinessStore';
export * from './KnexReadinessStore';
export * from './ReadinessService';
export * from './router';
export * from './config';
export * from './uploadedFootprint';
