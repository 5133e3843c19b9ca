export * from './checkComparisonInput';
export * from './classCost';
export * from './compareLocations';
export * from './priceComparison';
export * from './latencyClass';
export * from './rankCandidates';
export { LATENCY_MODEL_DATE, type NamedPoint } from './latencySnapshot';
