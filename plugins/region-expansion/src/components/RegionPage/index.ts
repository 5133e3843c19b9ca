export { RegionPage } from './RegionPage';
export { CellPage } from './CellPage';
export { CellCapacityCard, capacityDimensions } from './CellCapacityCard';
