import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FootprintInputError } from './InputError';

/** Why a file system call failed, in words (never the raw error text). */
export function fsProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'path too long (a symbolic link loop?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot read (${
        (error as NodeJS.ErrnoException)?.code ?? 'error'
      })`;
  }
}

/** `fs.stat` (following symbolic links) that fails with an input error naming the file. */
export async function statInput(file: string): Promise<Stats> {
  try {
    return await fs.stat(file);
  } catch (error) {
    throw new FootprintInputError({ file, problem: fsProblem(error) });
  }
}

/** The real path (symbolic links resolved), or an input error naming the file. */
export async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    throw new FootprintInputError({ file, problem: fsProblem(error) });
  }
}

/** True when `inner` is `outer` or lies below it (both real, absolute). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) &&
      relative !== '..' &&
      !path.isAbsolute(relative))
  );
}

/**
 * Resolves `file` with symbolic links followed and refuses it unless it lies
 * inside `root` (a real path): the error names `reportAs` (the file, or the
 * manifest that pointed at it) and `field`, never the value, which is file
 * content.
 */
export async function realPathInside(options: {
  file: string;
  root: string;
  rootName: string;
  reportAs?: string;
  field?: string;
}): Promise<string> {
  const reportAs = options.reportAs ?? options.file;
  let real: string;
  try {
    real = await fs.realpath(options.file);
  } catch (error) {
    throw new FootprintInputError({
      file: reportAs,
      field: options.field,
      problem: fsProblem(error),
    });
  }
  if (!isInside(options.root, real)) {
    throw new FootprintInputError({
      file: reportAs,
      field: options.field,
      problem: `points outside the ${options.rootName} (symbolic links count)`,
    });
  }
  return real;
}
