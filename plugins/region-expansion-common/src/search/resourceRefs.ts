/**
 * Kinds of resource a `region-expansion-location` resource ref names.
 *
 * @public
 */
export type RegionExpansionResourceKind = 'location' | 'cell';

/**
 * The resource ref of a location or a cell (`location:eu-central-1`,
 * `cell:eu-central-1-p01`), as search documents carry it in
 * `authorization.resourceRef`: the search backend asks the permission
 * framework about each result with it when a policy answers
 * `region-expansion.location.read` conditionally, and the region-expansion
 * backend loads the resource from it to apply the conditions.
 *
 * @public
 */
export function toRegionExpansionResourceRef(
  kind: RegionExpansionResourceKind,
  id: string,
): string {
  return `${kind}:${id}`;
}

/**
 * Reads a ref made by {@link toRegionExpansionResourceRef}; `undefined` for
 * anything else.
 *
 * @public
 */
export function parseRegionExpansionResourceRef(
  ref: string,
): { kind: RegionExpansionResourceKind; id: string } | undefined {
  const match = /^(location|cell):(.+)$/.exec(ref);
  return match
    ? { kind: match[1] as RegionExpansionResourceKind, id: match[2] }
    : undefined;
}
