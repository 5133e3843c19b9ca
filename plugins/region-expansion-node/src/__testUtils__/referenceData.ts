import fs from 'node:fs';
import path from 'node:path';

/**
 * The botocore reference data the snapshots are derived from. It lives beside
 * the repository (`../shared/data/aws-partitions`), not in it, so a plain
 * clone does not have it; REGION_EXPANSION_REFERENCE_DATA overrides the place.
 */
export const referenceDataDir =
  process.env.REGION_EXPANSION_REFERENCE_DATA ??
  path.resolve(__dirname, '../../../../../shared/data/aws-partitions');

/** Reads one reference file, or undefined when the folder is absent. */
export function readReferenceJson(file: string): any | undefined {
  const full = path.join(referenceDataDir, file);
  return fs.existsSync(full)
    ? JSON.parse(fs.readFileSync(full, 'utf8'))
    : undefined;
}

/**
 * `it` when the reference file is present, else `it.skip`, so a clone
 * without the folder reports the comparison as skipped rather than passed.
 */
export function itIfReferenceData(file: string): jest.It {
  return readReferenceJson(file) ? it : it.skip;
}
