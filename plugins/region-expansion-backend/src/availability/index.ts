export * from './AvailabilityStore';
export * from './AvailabilityRefreshService';
export * from './config';
export * from './router';
