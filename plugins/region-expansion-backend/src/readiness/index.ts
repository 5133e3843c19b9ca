export * from './ReadinessStore';
export * from './ReadinessService';
export * from './router';
export * from './config';
export * from './demoFootprint';
export * from './uploadedFootprint';
