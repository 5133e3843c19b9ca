export * from './resourceRef';
export {
  isInAccount,
  isInPartition,
  isInRegion,
  partitionIdSchema,
  regionExpansionLocationRules,
} from './rules';
export * from './conditions';
export * from './scope';
