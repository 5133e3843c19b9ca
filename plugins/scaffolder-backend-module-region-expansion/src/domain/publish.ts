import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { fieldError } from './errors';

/**
 * Default folder of generated code, relative to the repository root.
 *
 * @public
 */
export const DEFAULT_OUTPUT_DIRECTORY = '.data/generated';

/**
 * The directory a relative configured path is resolved against: the nearest
 * folder at or above `start` holding `backstage.json` (the repository root,
 * also when the backend runs with `packages/backend` as its working
 * directory), else `start` itself.
 *
 * @public
 */
export function findRepoRoot(start: string): string {
  let current = path.resolve(start);
  for (;;) {
    if (fsSync.existsSync(path.join(current, 'backstage.json'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}

/**
 * The absolute output root: an absolute configured path as is, a relative
 * one (or the default) against {@link findRepoRoot} of `cwd`.
 *
 * @public
 */
export function resolveOutputRoot(
  configured: string | undefined,
  cwd: string,
): string {
  const value = configured ?? DEFAULT_OUTPUT_DIRECTORY;
  return path.isAbsolute(value)
    ? path.normalize(value)
    : path.resolve(findRepoRoot(cwd), value);
}

/**
 * The folder `<root>/<name>`; refuses a name that is not one plain path
 * segment or would escape the root, naming `name`.
 *
 * @public
 */
export function resolvePublishTarget(root: string, name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes('..')) {
    throw fieldError(
      'name',
      `'${name}' must be one folder name of letters, digits, dots, hyphens or underscores (no path separators or '..')`,
    );
  }
  const target = path.resolve(root, name);
  const rel = path.relative(root, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw fieldError('name', `'${name}' escapes the output directory ${root}`);
  }
  return target;
}

/**
 * Lists the regular files under a folder (relative paths, sorted); symbolic
 * links are refused naming `sourcePath` so nothing outside the workspace is
 * copied.
 *
 * @public
 */
export async function listWorkspaceFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        throw fieldError(
          'sourcePath',
          `${path.relative(
            root,
            full,
          )} is a symbolic link; only regular files are published`,
        );
      }
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  await walk(root);
  return out.sort();
}

/**
 * Replaces `target` with a copy of the given files from `source`. Re-running
 * with the same files yields the same folder.
 *
 * @public
 */
export async function copyFiles(
  source: string,
  target: string,
  files: string[],
): Promise<void> {
  await fs.rm(target, { recursive: true, force: true });
  for (const file of files) {
    const to = path.join(target, file);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(path.join(source, file), to);
  }
}
