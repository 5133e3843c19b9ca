export * from './InputError';
export * from './FootprintBuilder';
export * from './cloudFormation';
export * from './terraformPlan';
export * from './cdkAssembly';
export * from './buildFootprint';
export {
  MAX_INPUT_BYTES,
  MAX_YAML_ALIAS_COUNT,
  MAX_YAML_LINE_LENGTH,
  cloudFormationYamlTags,
  parseJsonText,
  parseYamlText,
  readTextFile,
} from './readInput';
export { isRegionCode } from './walk';
// What the footprint API's signatures name, for readers of this entry alone.
export type { CloudTrailScanOptions } from '../cloudtrail/scanCloudTrail';
export {
  ServiceMapping,
  type ServiceMappingEntry,
} from '../availability/serviceMapping';
