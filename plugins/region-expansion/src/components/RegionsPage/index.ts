export { RegionsPage } from './RegionsPage';
