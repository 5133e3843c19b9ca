export * from './checkDesignChoice';
export * from './checkResidencyRequest';
export * from './designExceptions';
