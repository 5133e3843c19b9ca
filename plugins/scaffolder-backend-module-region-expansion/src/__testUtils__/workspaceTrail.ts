import fs from 'node:fs';
import path from 'node:path';
import { cloudTrailGzip } from '@region-expansion/plugin-region-expansion-node/testUtils';

/** Writes `cloudTrailGzip(mebibytes, ratio)` as `trail/AWSLogs/t.json.gz` under `root`. */
export function writeWorkspaceTrail(
  root: string,
  mebibytes: number,
  ratio: 'low' | 'bomb',
): void {
  const trail = path.join(root, 'trail', 'AWSLogs');
  fs.mkdirSync(trail, { recursive: true });
  fs.writeFileSync(
    path.join(trail, 't.json.gz'),
    cloudTrailGzip(mebibytes, ratio),
  );
}
