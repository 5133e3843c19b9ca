/**
 * Where the product's user documentation (the repository's `docs/`) is
 * published: empty states link there instead of asking users to edit
 * files they cannot reach from the portal.
 */
export const DOCS_BASE_URL =
  'https://github.com/region-expansion/region-expansion-for-backstage/blob/main/docs';

/** A page of the docs, at a heading's anchor when given. */
export function docsLink(page: string, anchor?: string): string {
  return `${DOCS_BASE_URL}/${page}${anchor ? `#${anchor}` : ''}`;
}
