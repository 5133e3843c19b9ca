export * from './controlPlaneMode';
export * from './planControlPlane';
