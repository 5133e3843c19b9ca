export * from './scanCloudTrail';
