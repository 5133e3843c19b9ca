import { useCallback, useState } from 'react';
import type { CursorPage } from '@region-expansion/plugin-region-expansion-common';

/** What a list shows of a cursor-paged route, and how to read on. */
export interface MorePages<T> {
  /** The first page's rows and every page read since, in order. */
  items: T[];
  /** True while the server has rows after `items`. */
  hasMore: boolean;
  /** Reads the next page and appends it. */
  loadMore: () => void;
  loading: boolean;
  error?: Error;
}

/**
 * The rows of a cursor-paged list: the `first` page its caller loaded, then
 * one more page per `loadMore`, read with the previous page's `nextCursor`.
 * A new `first` (other filters, a reload) starts over from it.
 */
export function useMorePages<T>(
  first: CursorPage<T>,
  loadPage: (cursor: string) => Promise<CursorPage<T>>,
): MorePages<T> {
  const fresh = { first, items: [] as T[], nextCursor: first.nextCursor };
  const [read, setRead] = useState(fresh);
  const [status, setStatus] = useState<{ loading: boolean; error?: Error }>({
    loading: false,
  });
  // Pages read for an earlier `first` do not belong to this one.
  const current = read.first === first ? read : fresh;

  const loadMore = useCallback(() => {
    const cursor = current.nextCursor;
    if (!cursor || status.loading) return;
    setStatus({ loading: true });
    loadPage(cursor).then(
      page => {
        setRead(prev => ({
          first,
          items: [...(prev.first === first ? prev.items : []), ...page.items],
          nextCursor: page.nextCursor,
        }));
        setStatus({ loading: false });
      },
      (error: Error) => setStatus({ loading: false, error }),
    );
  }, [current.nextCursor, first, loadPage, status.loading]);

  return {
    items: current.items.length
      ? [...first.items, ...current.items]
      : first.items,
    hasMore: !!current.nextCursor,
    loadMore,
    loading: status.loading,
    error: status.error,
  };
}

/**
 * The rows of a cursor-paged list, page after page until the last one or
 * `maxPages`: for views that need a bounded list whole (a chart over a date
 * range, where the range bounds the rows).
 */
export async function readPages<T>(
  loadPage: (cursor?: string) => Promise<CursorPage<T>>,
  maxPages: number,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await loadPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}
