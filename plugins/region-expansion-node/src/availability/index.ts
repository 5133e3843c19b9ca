export * from './AvailabilityIndex';
export * from './serviceMapping';
export * from './refreshFromSsm';
export * from './availabilityLocationOf';
