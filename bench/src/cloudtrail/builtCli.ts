import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, REPOSITORY_DIR } from '../lib/paths';

/** The packages the CLI's footprint command runs, as published. */
export const CLI_PACKAGES = [
  'plugins/region-expansion-common',
  'plugins/region-expansion-node',
  'packages/cli',
] as const;

/** The command that builds {@link CLI_PACKAGES}, named in the error. */
export const BUILD_CLI_COMMAND = CLI_PACKAGES.map(
  dir => `(cd ${dir} && yarn build)`,
).join(' && ');

/** Newest modification time of the non-test files under `dir`. */
function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(file));
    else if (!/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Throws naming the build command when a package's `dist/` is missing or
 * older than its sources: the bench must not time code the repo no longer has.
 */
export function checkCliBuilt(repositoryDir: string = REPOSITORY_DIR): void {
  for (const dir of CLI_PACKAGES) {
    const entry = path.join(repositoryDir, dir, 'dist', 'index.cjs.js');
    if (!fs.existsSync(entry)) {
      throw new Error(
        `${dir}/dist is missing: build the CLI as it is published first: ${BUILD_CLI_COMMAND} (or run with --cli source)`,
      );
    }
    if (
      newestSourceMs(path.join(repositoryDir, dir, 'src')) >
      fs.statSync(entry).mtimeMs
    ) {
      throw new Error(
        `${dir}/dist is older than ${dir}/src: rebuild the CLI first: ${BUILD_CLI_COMMAND} (or run with --cli source)`,
      );
    }
  }
}

/**
 * The CLI's executable as a user installs it: `backstage-cli
 * build-workspace` packs `@region-expansion/cli` and its workspace
 * dependencies with their publish-time package.json (main and exports
 * pointing at dist/, no src/) into `bench/.corpus/cli-dist`, whose
 * `node_modules/@region-expansion` links to them. Other dependencies resolve
 * from the repository's node_modules (the lockfile's versions), since the
 * folder lies inside the repository.
 */
export function installBuiltCli(): string {
  checkCliBuilt();
  const target = path.join(BENCH_DIR, '.corpus', 'cli-dist');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const result = spawnSync(
    'yarn',
    ['backstage-cli', 'build-workspace', target, '@region-expansion/cli'],
    { cwd: REPOSITORY_DIR, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `backstage-cli build-workspace failed (${result.status}): ${result.stderr}`,
    );
  }
  const scope = path.join(target, 'node_modules', '@region-expansion');
  fs.mkdirSync(scope, { recursive: true });
  for (const dir of CLI_PACKAGES) {
    const packed = path.join(target, dir);
    if (fs.existsSync(path.join(packed, 'src'))) {
      throw new Error(`${dir}: the packed package has src/, not as published`);
    }
    const { name } = JSON.parse(
      fs.readFileSync(path.join(packed, 'package.json'), 'utf8'),
    );
    fs.symlinkSync(packed, path.join(scope, name.split('/')[1]));
  }
  return path.join(target, 'packages', 'cli', 'bin', 'region-expansion');
}
