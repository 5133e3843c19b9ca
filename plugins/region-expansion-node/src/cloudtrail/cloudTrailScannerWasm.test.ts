import fs from 'node:fs';

const build: {
  compileCloudTrailScanner(): Promise<Buffer>;
  scannerModuleSource(bytes: Buffer): string;
  OUT: string;
} = require('../../scripts/build-cloudtrail-scanner.js');

describe('cloudTrailScannerWasm', () => {
  it('holds what cloudTrailScanner.wat compiles to', async () => {
    // Fails when the .wat was edited without running build:cloudtrail-scanner
    // (or the generated module by hand).
    const bytes = await build.compileCloudTrailScanner();
    expect(fs.readFileSync(build.OUT, 'utf8')).toBe(
      build.scannerModuleSource(bytes),
    );
  });
});
