export * from './scanCloudTrail';
export * from './cloudTrailEvents';
export * from './engine';
