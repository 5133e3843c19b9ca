import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { quoteValue } from '@region-expansion/plugin-region-expansion-node';
import { fieldError } from './errors';
import { resolveInsideWorkspace } from './workspace';

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
      `${quoteValue(
        name,
      )} must be one folder name of letters, digits, dots, hyphens or underscores (no path separators or '..')`,
    );
  }
  const target = path.resolve(root, name);
  const rel = path.relative(root, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw fieldError(
      'name',
      `${quoteValue(name)} escapes the output directory ${root}`,
    );
  }
  return target;
}

/**
 * The folder `relative` (the `sourcePath` input) of the workspace: refused,
 * naming `sourcePath`, when it is not a folder or leads out of the
 * workspace, by `..` or through a symbolic link anywhere on the way (see
 * {@link resolveInsideWorkspace}).
 *
 * @public
 */
export async function resolvePublishSource(
  workspace: string,
  relative: string,
): Promise<string> {
  const source = await resolveInsideWorkspace(
    workspace,
    relative,
    'sourcePath',
  );
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw fieldError(
      'sourcePath',
      `${quoteValue(relative)} is not a folder of the workspace`,
    );
  }
  return source;
}

/**
 * Lists the regular files under a folder (relative paths, sorted); symbolic
 * links are refused naming `sourcePath` so nothing outside the workspace is
 * copied.
 *
 * @public
 */
export async function listWorkspaceFiles(root: string): Promise<string[]> {
  return listFiles(root, full =>
    fieldError(
      'sourcePath',
      `${path.relative(
        root,
        full,
      )} is a symbolic link; only regular files are published`,
    ),
  );
}

/** Regular files under `root`, relative and sorted; `onLink` says why a link stops the walk. */
async function listFiles(
  root: string,
  onLink: (full: string) => Error,
): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) throw onLink(full);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  await walk(root);
  return out.sort();
}

/**
 * Whether `target` already holds exactly `files` with the same bytes as in
 * `source` (a re-run of the same publish, e.g. a retried task), as opposed to
 * another run's output.
 */
async function holdsSameFiles(
  source: string,
  target: string,
  files: string[],
): Promise<boolean> {
  let existing: string[];
  try {
    existing = await listFiles(target, () => new Error('symbolic link'));
  } catch {
    return false;
  }
  if (existing.join('\n') !== files.join('\n')) return false;
  for (const file of files) {
    const [a, b] = await Promise.all([
      fs.readFile(path.join(source, file)),
      fs.readFile(path.join(target, file)),
    ]);
    if (!a.equals(b)) return false;
  }
  return true;
}

/** The refusal when `target` holds another run's output. */
function alreadyPublished(target: string) {
  return fieldError(
    'name',
    `'${path.basename(
      target,
    )}' is already published at ${target} by another run with different files; choose another name, or remove that folder to publish this one`,
  );
}

/**
 * What {@link publishFiles} found at the target.
 *
 * @public
 */
export type PublishOutcome = 'published' | 'unchanged';

/**
 * Fails (naming `name` and the existing path) when `target` holds another
 * run's output; `unchanged` when it already holds these very files (a
 * retried or repeated run); otherwise nothing is there yet and `published`
 * is what {@link publishFiles} will do.
 *
 * @public
 */
export async function checkPublishTarget(
  source: string,
  target: string,
  files: string[],
): Promise<PublishOutcome> {
  const stat = await fs.lstat(target).catch(() => undefined);
  if (!stat) return 'published';
  if (stat.isDirectory()) {
    if ((await fs.readdir(target)).length === 0) return 'published';
    if (await holdsSameFiles(source, target, files)) return 'unchanged';
  }
  throw alreadyPublished(target);
}

/**
 * Copies `files` from `source` to a new folder `target`, never replacing
 * another run's output (see {@link checkPublishTarget}). The files are
 * copied into a hidden sibling folder first and renamed into place, so the
 * target appears whole or not at all, and of two runs publishing the same
 * name at once only one wins.
 *
 * @public
 */
export async function publishFiles(
  source: string,
  target: string,
  files: string[],
): Promise<PublishOutcome> {
  if ((await checkPublishTarget(source, target, files)) === 'unchanged') {
    return 'unchanged';
  }
  const root = path.dirname(target);
  await fs.mkdir(root, { recursive: true });
  // Names start with a letter or digit, so this never collides with one.
  const staging = await fs.mkdtemp(
    path.join(root, `.${path.basename(target)}.publishing-`),
  );
  try {
    for (const file of files) {
      const to = path.join(staging, file);
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(path.join(source, file), to);
    }
    try {
      // Replaces at most an empty folder; a non-empty one fails the rename.
      await fs.rename(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') {
        throw error;
      }
      // Another run published the name since the check.
      if (await holdsSameFiles(source, target, files)) return 'unchanged';
      throw alreadyPublished(target);
    }
    return 'published';
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
