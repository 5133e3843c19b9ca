import type { z } from 'zod';
import type { cursorPageSchema } from '../schemas/paging';

/**
 * A page of a list read with a keyset cursor: pass `nextCursor` back as
 * `cursor` for the next page, until it is absent.
 *
 * @public
 */
export type CursorPage<T> = Omit<
  z.output<ReturnType<typeof cursorPageSchema>>,
  'items'
> & {
  /** Rows of this page, in the list's order. */
  items: T[];
};

/**
 * How much of a cursor-paged list to read.
 *
 * @public
 */
export interface CursorPageQuery {
  /** Page size; each list documents its default and maximum. */
  limit?: number;
  /** `nextCursor` of the previous page, unchanged. */
  cursor?: string;
}
