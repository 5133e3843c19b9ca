export * from './isoCountries';
export * from './primitives';
export * from './errors';
export * from './locations';
export * from './controlPlanes';
export * from './cells';
export * from './tenants';
export * from './placement';
