export * from './planMigrationRunbook';
export * from './RunbookInputError';
export * from './runbookAssumptions';
