export { RegionExpansionPage } from './RegionExpansionPage';
export { RegionExpansionLayout } from './RegionExpansionLayout';
