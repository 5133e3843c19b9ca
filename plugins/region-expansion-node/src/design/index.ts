export * from './checkDesignChoice';
export * from './checkResidencyRequest';
export * from './cloudHsmOffered';
export * from './designExceptions';
