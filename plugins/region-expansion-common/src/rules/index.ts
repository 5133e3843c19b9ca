export * from './regionOf';
