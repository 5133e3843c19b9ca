export * from './regionOf';
export * from './readinessLevels';
export * from './summarizeCells';
