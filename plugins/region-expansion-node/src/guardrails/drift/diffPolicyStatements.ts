/**
 * One IAM policy statement as plain data.
 *
 * @public
 */
export type PolicyStatement = Record<string, unknown>;

/**
 * Statement-level difference between the policy the project renders and
 * the one AWS holds: statements only rendered (`missing`), only in AWS
 * (`extra`), and statements with the same `Sid` whose content differs
 * (`changed`).
 *
 * @public
 */
export interface PolicyStatementDiff {
  /** Rendered statements AWS does not hold. */
  missing: PolicyStatement[];
  /** Statements AWS holds that are not rendered. */
  extra: PolicyStatement[];
  /** Same-`Sid` statements whose content differs: rendered and in AWS. */
  changed: Array<{
    sid: string;
    expected: PolicyStatement;
    actual: PolicyStatement;
  }>;
}

// Elements IAM accepts as a string or a list of strings, in any order.
const SET_VALUED = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

function sortedSet(value: unknown): unknown {
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map(v => (typeof v === 'string' ? v : canonical(v))))]
    .map(v => (typeof v === 'string' ? v : JSON.stringify(v)))
    .sort();
}

/** Keys sorted at every level, so JSON text compares as content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(k => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * A statement in a canonical form: `Action`, `NotAction`, `Resource`,
 * `NotResource`, principal lists and condition values as sorted sets
 * (IAM reads a single string and a one-element list alike, and order does
 * not matter), keys sorted. Two statements mean the same exactly when
 * their canonical JSON is equal.
 *
 * @public
 */
export function canonicalStatement(statement: PolicyStatement): string {
  const normalized: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statement)) {
    if (SET_VALUED.has(key)) normalized[key] = sortedSet(value);
    else if (key === 'Principal' || key === 'NotPrincipal')
      normalized[key] =
        value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value).map(([k, v]) => [k, sortedSet(v)]),
            )
          : value;
    else if (key === 'Condition' && value && typeof value === 'object')
      normalized[key] = Object.fromEntries(
        Object.entries(value).map(([operator, byKey]) => [
          operator,
          Object.fromEntries(
            Object.entries(byKey as Record<string, unknown>).map(([k, v]) => [
              k,
              sortedSet(v),
            ]),
          ),
        ]),
      );
    else normalized[key] = value;
  }
  return JSON.stringify(canonical(normalized));
}

/**
 * The statements of a document; IAM allows one statement without a list.
 *
 * @public
 */
export function statementsOf(document: unknown): PolicyStatement[] {
  const statement = (document as { Statement?: unknown } | null)?.Statement;
  if (Array.isArray(statement)) return statement as PolicyStatement[];
  return statement && typeof statement === 'object'
    ? [statement as PolicyStatement]
    : [];
}

/**
 * Compares two policy documents statement by statement, insensitive to
 * the order of statements and of set-valued elements: equal statements
 * pair first; of the rest, an expected and an actual statement with the
 * same `Sid` are `changed`, others `missing` or `extra`. Pure.
 *
 * @public
 */
export function diffPolicyStatements(
  expected: unknown,
  actual: unknown,
): PolicyStatementDiff {
  const remainingActual = statementsOf(actual).map(s => ({
    statement: s,
    key: canonicalStatement(s),
  }));
  const unmatched: PolicyStatement[] = [];
  for (const statement of statementsOf(expected)) {
    const key = canonicalStatement(statement);
    const index = remainingActual.findIndex(a => a.key === key);
    if (index >= 0) remainingActual.splice(index, 1);
    else unmatched.push(statement);
  }
  const diff: PolicyStatementDiff = { missing: [], extra: [], changed: [] };
  for (const statement of unmatched) {
    const index = statement.Sid
      ? remainingActual.findIndex(a => a.statement.Sid === statement.Sid)
      : -1;
    if (index < 0) {
      diff.missing.push(statement);
      continue;
    }
    const [{ statement: found }] = remainingActual.splice(index, 1);
    diff.changed.push({
      sid: String(statement.Sid),
      expected: statement,
      actual: found,
    });
  }
  diff.extra = remainingActual.map(a => a.statement);
  return diff;
}

/**
 * Whether a diff has no difference.
 *
 * @public
 */
export function isSamePolicy(diff: PolicyStatementDiff): boolean {
  return !diff.missing.length && !diff.extra.length && !diff.changed.length;
}
