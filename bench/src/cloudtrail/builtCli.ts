import path from 'node:path';
import {
  buildCommandOf,
  checkBuilt,
  packBuiltWorkspace,
} from '../lib/builtWorkspace';
import { BENCH_DIR, REPOSITORY_DIR } from '../lib/paths';

/** The packages the CLI's footprint command runs, as published. */
export const CLI_PACKAGES = [
  'plugins/region-expansion-common',
  'plugins/region-expansion-node',
  'packages/cli',
] as const;

/** The command that builds {@link CLI_PACKAGES}, named in the error. */
export const BUILD_CLI_COMMAND = buildCommandOf(CLI_PACKAGES);

/**
 * Throws naming the build command when a package's `dist/` is missing or
 * older than its sources: the bench must not time code the repo no longer has.
 */
export function checkCliBuilt(repositoryDir: string = REPOSITORY_DIR): void {
  checkBuilt(CLI_PACKAGES, '--cli source', repositoryDir);
}

/**
 * The CLI's executable as a user installs it: `@region-expansion/cli` and
 * its workspace dependencies packed with their publish-time package.json
 * into `bench/.corpus/cli-dist` (see {@link packBuiltWorkspace}).
 */
export function installBuiltCli(): string {
  const target = path.join(BENCH_DIR, '.corpus', 'cli-dist');
  packBuiltWorkspace(
    target,
    ['@region-expansion/cli'],
    CLI_PACKAGES,
    '--cli source',
  );
  return path.join(target, 'packages', 'cli', 'bin', 'region-expansion');
}
