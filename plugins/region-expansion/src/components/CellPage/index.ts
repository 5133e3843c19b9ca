export { CellPage } from './CellPage';
export { CellCard } from './CellCard';
export { CellCapacityCard } from './CellCapacityCard';
