export * from './ReadinessStore';
export * from './ReadinessService';
export * from './router';
export * from './signals';
export * from './config';
export * from './demoFootprint';
export * from './uploadedFootprint';
