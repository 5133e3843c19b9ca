/**
 * Writes `openapi.yaml` from the route table:
 * `yarn workspace @region-expansion/plugin-region-expansion-backend generate:openapi`.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { writeFileSync } from 'node:fs';
import { openApiYaml } from './openApiYaml';

const target = resolvePackagePath(
  '@region-expansion/plugin-region-expansion-backend',
  'src/schema/openapi.yaml',
);
writeFileSync(target, openApiYaml());
process.stdout.write(`Wrote ${target}\n`);
