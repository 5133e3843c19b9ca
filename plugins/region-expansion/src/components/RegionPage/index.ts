export { RegionPage } from './RegionPage';
