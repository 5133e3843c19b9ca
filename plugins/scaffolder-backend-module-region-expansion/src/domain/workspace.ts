import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { quoteValue } from '@region-expansion/plugin-region-expansion-node';
import { fieldError } from './errors';

/**
 * Options of {@link resolveInsideWorkspace}.
 *
 * @public
 */
export interface ResolveInsideWorkspaceOptions {
  /**
   * Refuse a path that does not exist (an action that reads it); default
   * false (an action that creates it).
   */
  mustExist?: boolean;
}

/** Why a path cannot be followed, by the file system's error code. */
const REASONS: Record<string, string> = {
  ENOTDIR: 'goes through a file',
  ELOOP: 'is a symbolic link loop',
  // realpath of a path that lstat found: a link on the way leads nowhere.
  ENOENT: 'leads through a symbolic link to nothing',
};

const unreadable = (relative: string, field: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return fieldError(
    field,
    `${quoteValue(relative)} ${REASONS[code] ?? `cannot be read (${code})`}`,
  );
};

const outside = (relative: string, field: string, how = '') =>
  fieldError(
    field,
    `${quoteValue(relative)} points outside the workspace${how}`,
  );

/**
 * Resolves `relative` (the value of the input `field`) against the
 * workspace, refusing with an input error naming `field` any path that
 * leaves it: by `..` or an absolute path, or through a symbolic link
 * anywhere on the way. The deepest part of the path that exists is resolved
 * to its real location (every link followed) and must be inside the real
 * workspace; what does not exist yet can only be created under it. A
 * dangling link or a link loop is refused too: writing through either
 * could land anywhere. Returns the normalised path inside the workspace.
 *
 * Every action that reads or writes a path of the workspace goes through
 * this one function.
 *
 * @public
 */
export async function resolveInsideWorkspace(
  workspace: string,
  relative: string,
  field: string,
  options: ResolveInsideWorkspaceOptions = {},
): Promise<string> {
  if (relative.includes('\0')) {
    throw fieldError(field, 'must not contain a NUL character');
  }
  const lexical = path.resolve(workspace, relative);
  const rel = path.relative(path.resolve(workspace), lexical);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw outside(relative, field);
  }
  let existing = lexical;
  let missing = false;
  for (;;) {
    try {
      await fs.lstat(existing);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || existing === path.dirname(existing)) {
        throw unreadable(relative, field, error);
      }
      missing = true;
      existing = path.dirname(existing);
    }
  }
  let real: string;
  try {
    real = await fs.realpath(existing);
  } catch (error) {
    throw unreadable(relative, field, error);
  }
  const realRel = path.relative(await fs.realpath(workspace), real);
  if (realRel.startsWith('..') || path.isAbsolute(realRel)) {
    throw outside(relative, field, ' through a symbolic link');
  }
  if (missing && options.mustExist) {
    throw fieldError(
      field,
      `${quoteValue(relative)} does not exist in the workspace`,
    );
  }
  return lexical;
}

/**
 * Writes `files` (relative paths to contents) under the folder `targetPath`
 * of the workspace. Every file's path is checked with
 * {@link resolveInsideWorkspace} (naming `field`) before anything is
 * written, so a refused path leaves the workspace as it was. Each file is
 * written beside its place and renamed over it, which replaces a link or a
 * hard link rather than writing through it. Returns the written paths,
 * relative to the workspace.
 *
 * @public
 */
export async function writeFilesInsideWorkspace(
  workspace: string,
  targetPath: string,
  files: Record<string, string>,
  field: string,
): Promise<string[]> {
  // The folder first, so a refusal names the value as given.
  await resolveInsideWorkspace(workspace, targetPath, field);
  const targets: Array<[string, string]> = [];
  for (const [file, content] of Object.entries(files)) {
    targets.push([
      await resolveInsideWorkspace(
        workspace,
        path.join(targetPath, file),
        field,
      ),
      content,
    ]);
  }
  const written: string[] = [];
  for (const [full, content] of targets) {
    await fs.mkdir(path.dirname(full), { recursive: true });
    const staging = `${full}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(staging, content, { encoding: 'utf8', flag: 'wx' });
      await fs.rename(staging, full);
    } finally {
      await fs.rm(staging, { force: true });
    }
    written.push(path.relative(workspace, full));
  }
  return written;
}
