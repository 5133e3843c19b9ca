export * from './AvailabilityStore';
export * from './KnexAvailabilityStore';
export * from './AvailabilityRefreshService';
export * from './config';
export * from './router';
