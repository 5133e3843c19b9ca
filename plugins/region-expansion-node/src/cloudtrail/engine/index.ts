export * from './cloudTrailLakeFootprint';
export * from './athenaFootprint';
export type { EngineFootprint, EngineFootprintRow } from './engineFootprint';
export type { EngineFootprintFilters } from './engineQuery';
export * from './EngineQueryError';
export type { EngineWaitOptions } from './pollEngineQuery';
export type { EngineRunOptions } from './runEngineQuery';
export * from './engineClients';
