export { RegionPicker } from './RegionPicker';
export { regionOptions, coverageText } from './regionOptions';
export type { RegionOption } from './regionOptions';
