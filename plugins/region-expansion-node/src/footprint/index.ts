export * from './InputError';
export * from './FootprintBuilder';
export * from './cloudFormation';
export * from './terraformPlan';
export * from './cdkAssembly';
export * from './buildFootprint';
export { MAX_INPUT_BYTES, cloudFormationYamlTags } from './readInput';
