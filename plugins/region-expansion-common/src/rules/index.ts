export * from './regionOf';
export * from './readinessLevels';
