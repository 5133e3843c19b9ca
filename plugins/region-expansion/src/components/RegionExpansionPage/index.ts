export { RegionExpansionPage } from './RegionExpansionPage';
