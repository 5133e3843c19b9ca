export { RegionPicker, regionOptions, coverageText } from './RegionPicker';
export type { RegionOption } from './RegionPicker';
