export * from './evidenceSignature';
export * from './KmsEvidenceSigner';
