import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_DIR } from './paths';

/*
 * Packages as users install them: their built dist/ packed with their
 * publish-time package.json, for the benches that time what users run
 * rather than the repo's TypeScript through the node transform.
 */

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

/** The command that builds `packages` (repository folders), named in errors. */
export function buildCommandOf(packages: readonly string[]): string {
  return packages.map(dir => `(cd ${dir} && yarn build)`).join(' && ');
}

/**
 * Throws naming the build command (and `otherwise`, the option that runs
 * the sources instead) when a package's `dist/` is missing or older than
 * its sources: a bench must not time code the repo no longer has.
 */
export function checkBuilt(
  packages: readonly string[],
  otherwise: string,
  repositoryDir: string = REPOSITORY_DIR,
): void {
  const build = buildCommandOf(packages);
  for (const dir of packages) {
    const entry = path.join(repositoryDir, dir, 'dist', 'index.cjs.js');
    if (!fs.existsSync(entry)) {
      throw new Error(
        `${dir}/dist is missing: build the packages as they are published first: ${build} (or run with ${otherwise})`,
      );
    }
    if (
      newestSourceMs(path.join(repositoryDir, dir, 'src')) >
      fs.statSync(entry).mtimeMs
    ) {
      throw new Error(
        `${dir}/dist is older than ${dir}/src: rebuild first: ${build} (or run with ${otherwise})`,
      );
    }
  }
}

/**
 * Packs `roots` (package names) and their workspace dependencies
 * `packages` (repository folders, every one checked by {@link checkBuilt})
 * into `target` with `backstage-cli build-workspace`: publish-time
 * package.json (main and exports pointing at dist/, no TypeScript), and
 * `target/node_modules/@region-expansion` linking to them. Other
 * dependencies resolve from the repository's node_modules (the lockfile's
 * versions), since `target` lies inside the repository.
 */
export function packBuiltWorkspace(
  target: string,
  roots: readonly string[],
  packages: readonly string[],
  otherwise: string,
): void {
  checkBuilt(packages, otherwise);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const result = spawnSync(
    'yarn',
    ['backstage-cli', 'build-workspace', target, ...roots],
    { cwd: REPOSITORY_DIR, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `backstage-cli build-workspace failed (${result.status}): ${result.stderr}`,
    );
  }
  const scope = path.join(target, 'node_modules', '@region-expansion');
  fs.mkdirSync(scope, { recursive: true });
  for (const dir of packages) {
    const packed = path.join(target, dir);
    const { name, main } = JSON.parse(
      fs.readFileSync(path.join(packed, 'package.json'), 'utf8'),
    );
    if (!/^(\.\/)?dist\//.test(main)) {
      throw new Error(
        `${dir}: the packed package's main is ${main}, not dist/`,
      );
    }
    fs.symlinkSync(packed, path.join(scope, name.split('/')[1]));
  }
}

/**
 * Transpiles a bench's own TypeScript `files` (under bench/src) to
 * CommonJS under `outDir`, keeping their relative paths: for a child
 * process that must not load the node transform (its SWC and source maps
 * would be part of what the bench measures). Types are not checked here
 * (`yarn tsc` does); imports are left as they are, so packages resolve
 * from where `outDir` lies.
 */
export function transpileBenchFiles(
  files: readonly string[],
  outDir: string,
): void {
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPOSITORY_DIR, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...files,
      ...[
        '--outDir',
        outDir,
        '--rootDir',
        path.join(REPOSITORY_DIR, 'bench', 'src'),
      ],
      ...['--module', 'commonjs', '--target', 'es2022', '--types', 'node'],
      ...['--esModuleInterop', '--skipLibCheck', '--noResolve', '--noCheck'],
    ],
    { cwd: REPOSITORY_DIR, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `tsc failed to transpile ${files.join(', ')} (${result.status}): ${
        result.stdout
      }${result.stderr}`,
    );
  }
}
