export * from './errors';
export * from './regionFacts';
export * from './deriveLocationsSnapshot';
export * from './LocationCatalog';
export * from './requireLocation';
