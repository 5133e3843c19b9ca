export * from './locations';
export * from './controlPlanes';
export * from './cells';
export * from './tenants';
export * from './placement';
