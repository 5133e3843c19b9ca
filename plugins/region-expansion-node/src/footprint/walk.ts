/** A JSON-like value. */
export type Json = unknown;

/** True for a plain object. */
export function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins a path segment: `a.b`, `a[0]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * Visits every string in a value (iteratively, so deep or large documents do
 * not overflow the stack), with its path.
 */
export function forEachString(
  root: Json,
  rootPath: string,
  visit: (value: string, path: string) => void,
): void {
  const stack: Array<[Json, string]> = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') visit(value, path);
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push([value[i], childPath(path, i)]);
      }
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push([value[keys[i]], childPath(path, keys[i])]);
      }
    }
  }
}

/**
 * Visits every IAM policy statement (an object with `Effect` and `Action` or
 * `NotAction`) in a value, with its path.
 */
export function forEachPolicyStatement(
  root: Json,
  rootPath: string,
  visit: (statement: Record<string, Json>, path: string) => void,
): void {
  const stack: Array<[Json, string]> = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, childPath(path, i)]));
    } else if (isRecord(value)) {
      if ('Effect' in value && ('Action' in value || 'NotAction' in value)) {
        visit(value, path);
      }
      for (const key of Object.keys(value)) {
        stack.push([value[key], childPath(path, key)]);
      }
    }
  }
}

/** Literal strings of a value that may be a string, a list or an intrinsic. */
export function literalStrings(value: Json): string[] {
  const out: string[] = [];
  forEachString(value, '', s => out.push(s));
  return out;
}

/** Region part of a literal ARN (`arn:partition:service:region:...`). */
export function regionOfArn(value: string): string | undefined {
  const parts = value.split(':');
  return parts[0] === 'arn' && parts.length > 4 && parts[3]
    ? parts[3]
    : undefined;
}

/** Matches a hard-coded commercial-partition ARN prefix. */
export const HARDCODED_PARTITION = /\barn:aws:/;
