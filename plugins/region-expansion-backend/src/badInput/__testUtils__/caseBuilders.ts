import { RestCase } from './corpus';
import { VALID_BODIES } from './validRequests';

/** The assess route of one known location. */
export const ASSESS = '/readiness/eu-west-1/assess';

/** A body builder sending `value` as JSON. */
export const json = (value: unknown) => () => JSON.stringify(value);

/** An assess body carrying a file: text as is, bytes as base64. */
export const upload = (fileName: string, content: Buffer | string) =>
  json(
    Buffer.isBuffer(content)
      ? { fileName, content: content.toString('base64'), encoding: 'base64' }
      : { fileName, content },
  );

/** An amplified answer is fine while it stays this small. */
export const BOUNDED = { maxBytes: 1024 * 1024 };

/** A valid row of a tenant import. */
export const importRow = (VALID_BODIES['POST /tenants/import'] as object[])[0];

/** One case of {@link casesOf}: what differs from the route's other cases. */
export type RouteCaseInput = Omit<RestCase, 'name' | 'method' | 'path'> & {
  label: string;
  /** Default: the route itself (one without path parameters). */
  path?: string;
};

/**
 * The cases of one route: each named `METHOD route category: label`, as
 * the corpus names its cases, from the parts that differ.
 */
export function casesOf(
  method: RestCase['method'],
  route: string,
  cases: RouteCaseInput[],
): RestCase[] {
  return cases.map(({ label, path, ...rest }) => ({
    name: `${method} ${route} ${rest.category}: ${label}`,
    method,
    path: path ?? route,
    ...rest,
  }));
}
