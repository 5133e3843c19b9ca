export * from './extensionPoint';
