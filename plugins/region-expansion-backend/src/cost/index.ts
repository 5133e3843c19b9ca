export { CostService } from './CostService';
export type {
  CellCostRequest,
  CostServiceOptions,
  CostSources,
} from './CostService';
export { readPricingConfig } from './config';
export type { PricingConfig } from './config';
