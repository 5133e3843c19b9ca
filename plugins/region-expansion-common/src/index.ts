/**
 * Isomorphic parts of the Region Expansion plugin: domain types, permissions,
 * the REST API's route table, request and response schemas and the typed
 * API client.
 *
 * @packageDocumentation
 */
export * from './types/readiness';
export * from './types/assessment';
export * from './types';
export * from './permissions';
export * from './random';
export * from './schemas';
export * from './rules';
export * from './client/RegionExpansionClient';
export * from './routes';
export * from './search/searchDocuments';
export * from './search/resourceRefs';
export * from './signals/governanceSyncSignal';
