export * from './ssmGlobalInfrastructureHandlers';
