import { z } from 'zod';
import { typeError } from './errors';

/**
 * Page sizes of the paged list routes: the size used without `limit`, and
 * the largest `limit` accepted (a larger one is a 400 naming `limit`).
 *
 * @public
 */
export const PAGE_LIMITS = {
  /** `GET /governance/findings` */
  governanceFindings: { default: 100, max: 1000 },
  /** `GET /governance/history` */
  governanceHistory: { default: 500, max: 2000 },
  /** `GET /governance/resilience`, `/governance/audit`, `/governance/conformance` */
  governanceSnapshots: { default: 100, max: 500 },
  /** `GET /waivers` */
  waivers: { default: 100, max: 500 },
  /** `GET /readiness/{locationId}/history` */
  readinessHistory: { default: 50, max: 500 },
} as const;

/**
 * Largest `offset` the routes that still take one accept; deeper pages are
 * read with `cursor`, whose cost does not grow with the depth.
 *
 * @public
 */
export const MAX_PAGE_OFFSET = 10_000;

/**
 * The lists that page with a cursor. A cursor carries its list's name, so a
 * cursor of one list is refused by another.
 *
 * @public
 */
export type PageCursorList =
  | 'governance-findings'
  | 'governance-history'
  | 'governance-resilience'
  | 'governance-audit'
  | 'governance-conformance'
  | 'waivers'
  | 'readiness-history';

/** Longest cursor accepted: far above any real key, far below a body. */
const MAX_CURSOR_LENGTH = 4096;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The opaque `nextCursor` of a page: the sort key of the page's last row,
 * tagged with its list. Clients pass it back unchanged as `cursor`.
 *
 * @public
 */
export function encodePageCursor(
  list: PageCursorList,
  key: readonly string[],
): string {
  return toBase64Url(JSON.stringify([list, ...key]));
}

/**
 * The sort key a cursor of `list` carries, or `undefined` when the token is
 * not one (garbage, another list's, or a key of another length).
 *
 * @public
 */
export function decodePageCursor(
  list: PageCursorList,
  token: string,
  keyLength: number,
): string[] | undefined {
  if (token.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(token));
  } catch {
    return undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== keyLength + 1 ||
    value[0] !== list ||
    !value.every(v => typeof v === 'string')
  ) {
    return undefined;
  }
  return value.slice(1);
}

/**
 * Query parameter `cursor` of a paged list: the `nextCursor` of the previous
 * page, parsed into the sort key it carries.
 *
 * @public
 */
export function pageCursorSchema(list: PageCursorList, keyLength: number) {
  return (
    z
      .string(typeError('a string'))
      .transform((token, ctx) => {
        const key = decodePageCursor(list, token, keyLength);
        if (!key) {
          ctx.addIssue({
            code: 'custom',
            message:
              'must be the nextCursor of an earlier page of this list, unchanged',
          });
          return z.NEVER;
        }
        return key;
      })
      // The decoder checks the token's form; the document states it.
      .meta({
        description:
          "Opaque keyset cursor: the `nextCursor` of a page of the same list. Another list's cursor, or any other text, is a 400 naming `cursor`.",
        maxLength: MAX_CURSOR_LENGTH,
        pattern: '^[A-Za-z0-9_-]+$',
      })
  );
}

/**
 * Query parameter `cursor` of a keyset-paged list, optional, documented with
 * the rows the next page holds and a valid cursor of the list.
 *
 * @public
 */
export function nextPageCursorSchema(
  list: PageCursorList,
  keyLength: number,
  doc: {
    /** What the page after the cursor's page holds, e.g. `the waivers after its page`. */
    after: string;
    /** A valid cursor of `list`, for the document. */
    example: string;
  },
) {
  return pageCursorSchema(list, keyLength)
    .optional()
    .meta({
      description: `\`nextCursor\` of the previous page, unchanged; ${doc.after}`,
      example: doc.example,
    });
}

/**
 * Query parameter `limit` of a paged list: a whole number from 1 to the
 * list's maximum, its default when absent.
 *
 * @public
 */
export function pageLimitSchema(limits: { default: number; max: number }) {
  // Typed as a number for callers; the query string carries text.
  return z.coerce
    .number<number>({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(limits.max, `must be at most ${limits.max}`)
    .default(limits.default);
}

/**
 * Query parameters `limit` and `cursor` of a keyset-paged list, in that
 * order.
 *
 * @public
 */
export function keysetPageQueryShape(
  limits: { default: number; max: number },
  list: PageCursorList,
  keyLength: number,
  doc: {
    /** What the page after the cursor's page holds, e.g. `the waivers after its page`. */
    after: string;
    /** A valid cursor of `list`, for the document. */
    example: string;
  },
) {
  return {
    limit: pageLimitSchema(limits),
    cursor: nextPageCursorSchema(list, keyLength, doc),
  };
}

/**
 * Query parameter `offset`: rows to skip, 0 to {@link MAX_PAGE_OFFSET}.
 *
 * @public
 */
export const pageOffsetSchema = z.coerce
  .number<number>({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(
    MAX_PAGE_OFFSET,
    `must be at most ${MAX_PAGE_OFFSET}; read deeper pages with cursor`,
  );

/**
 * Refuses `cursor` together with a non-zero `offset`: a cursor already says
 * where the page starts.
 *
 * @public
 */
export function cursorWithoutOffset(
  query: { cursor?: unknown; offset?: number },
  ctx: z.RefinementCtx,
) {
  if (query.cursor !== undefined && query.offset) {
    ctx.addIssue({
      code: 'custom',
      path: ['cursor'],
      message: 'cannot be combined with offset; pass one of them',
    });
  }
}

/**
 * A page of a list read with a keyset cursor: pass `nextCursor` back as
 * `cursor` for the next page, until it is absent.
 *
 * @public
 */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe("Rows of this page, in the list's order"),
    limit: z.number().int().describe('Page size the server used'),
    nextCursor: z
      .string()
      .optional()
      .describe('Cursor of the next page; absent on the last page'),
  });
}
