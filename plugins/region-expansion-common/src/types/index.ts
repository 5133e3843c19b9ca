export * from './locations';
export * from './controlPlanes';
export * from './cells';
export * from './tenants';
export * from './placement';
export * from './governance';
export * from './availability';
export * from './paging';
