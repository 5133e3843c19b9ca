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
 * Called for every value a walk reaches; may throw to stop a walk past the
 * work bound ({@link FootprintBuilder.countVisits}).
 */
export type OnValue = () => void;

/**
 * Visits every value reachable from `root` once, in document order, with
 * its path (iteratively, so deep or large documents do not overflow the
 * stack). An object or list reached more than once (YAML aliases share one
 * object) is walked the first time only, at the first path: a 12 KB
 * template with thousands of aliases stays 12 KB of work.
 */
function forEachValue(
  root: Json,
  rootPath: string,
  visit: (value: Json, path: string) => void,
  onValue?: OnValue,
): void {
  const seen = new WeakSet<object>();
  const stack: Array<[Json, string]> = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    onValue?.();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    visit(value, path);
    if (Array.isArray(value)) {
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

/** A walk that visits only the values `is` accepts; see {@link forEachValue}. */
function walkOf<T extends Json>(is: (value: Json) => value is T) {
  return (
    root: Json,
    rootPath: string,
    visit: (value: T, path: string) => void,
    onValue?: OnValue,
  ): void =>
    forEachValue(
      root,
      rootPath,
      (value, path) => {
        if (is(value)) visit(value, path);
      },
      onValue,
    );
}

/** Visits every string in a value, with its path; each shared object once. */
export const forEachString = walkOf(
  (value): value is string => typeof value === 'string',
);

/**
 * Visits every IAM policy statement (an object with `Effect` and `Action` or
 * `NotAction`) in a value, with its path; each shared (aliased) object once.
 */
export const forEachPolicyStatement = walkOf(
  (value): value is Record<string, Json> =>
    isRecord(value) &&
    'Effect' in value &&
    ('Action' in value || 'NotAction' in value),
);

/** Literal strings of a value that may be a string, a list or an intrinsic. */
export function literalStrings(value: Json, onValue?: OnValue): string[] {
  const out: string[] = [];
  forEachString(value, '', s => out.push(s), onValue);
  return out;
}

/**
 * A Region code such as `us-east-1`, `us-gov-west-1`, `eusc-de-east-1` or
 * `us-isob-east-1` (every Region of the location snapshot has this shape, a
 * test checks it); partition ids and expression fragments do not match.
 */
const REGION_CODE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/**
 * True when a value is shaped like a Region code (`us-east-1`,
 * `eusc-de-east-1`, `us-gov-west-1`); partition ids and fragments of
 * expressions are not.
 *
 * @public
 */
export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE.test(value);
}

/**
 * Region part of a literal ARN (`arn:partition:service:region:...`), only
 * when it is a Region code: `arn:${AWS::Partition}:s3:::b` has none.
 */
export function regionOfArn(value: string): string | undefined {
  const parts = value.split(':');
  return parts[0] === 'arn' && parts.length > 4 && isRegionCode(parts[3])
    ? parts[3]
    : undefined;
}

/** Matches a hard-coded commercial-partition ARN prefix. */
export const HARDCODED_PARTITION = /\barn:aws:/;
