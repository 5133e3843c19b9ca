export { regionExpansionPlugin as default } from './plugin';
