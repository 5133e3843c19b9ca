import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { InputError } from '@backstage/errors';
import {
  TenantImportRow,
  tenantImportRowSchema,
} from '@region-expansion/plugin-region-expansion-common';
import {
  FootprintInputError,
  parseYamlText,
} from '@region-expansion/plugin-region-expansion-node';
import { parseInput } from './requestHelpers';

/**
 * Most rows one `POST /tenants/import` takes; past it the import is refused
 * with 413 naming `rows` before any row is read. Rows are validated a chunk
 * at a time, but the store writes them in one transaction that holds the
 * event loop on SQLite for about 170 ms per 10,000 rows; a 50 MB body could
 * hold 30 times as many.
 */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * Largest YAML import body, in bytes. YAML is parsed in one piece, about
 * 1 ms per KB (a 10,000-row YAML file holds the event loop for a second),
 * so a YAML import stays small; larger imports go as JSON, which parses
 * a hundred times faster.
 */
export const MAX_IMPORT_YAML_BYTES = 256 * 1024;

/**
 * Work done between two turns of the event loop, in milliseconds, so other
 * requests (the liveness probe) are answered while a large import is
 * checked. Measured in time, not rows: a row with residency lists costs
 * several times a plain one.
 */
const MS_PER_TURN = 10;

/**
 * Calls `fn` for every item, giving the event loop a turn whenever
 * {@link MS_PER_TURN} have passed since the last one; an error thrown by
 * `fn` stops the walk.
 */
export async function forEachInTurns<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
): Promise<void> {
  let turnStarted = performance.now();
  for (let index = 0; index < items.length; index++) {
    if (performance.now() - turnStarted >= MS_PER_TURN) {
      await nextTurn();
      turnStarted = performance.now();
    }
    fn(items[index], index);
  }
}

/**
 * Validates the rows of an import body with the common row schema, a chunk
 * per turn of the event loop. More than {@link MAX_IMPORT_ROWS} rows: 413
 * naming `rows`; a bad row: 400 naming it (`rows[17].tier: ...`).
 */
export async function parseImportRows(
  body: readonly unknown[],
): Promise<TenantImportRow[]> {
  if (body.length > MAX_IMPORT_ROWS) {
    throw payloadTooLarge(
      `rows: ${body.length} rows are more than the ${MAX_IMPORT_ROWS} one import takes; split the import into smaller files`,
    );
  }
  const rows: TenantImportRow[] = [];
  await forEachInTurns(body, (row, index) => {
    rows.push(parseInput(tenantImportRowSchema, row, `rows[${index}].`));
  });
  return rows;
}

/** A 413 in the API's `field: reason` form. */
function payloadTooLarge(message: string): Error {
  return Object.assign(new Error(message), {
    name: 'PayloadTooLargeError',
    statusCode: 413,
  });
}

/**
 * Parses a YAML import body: at most {@link MAX_IMPORT_YAML_BYTES} (else
 * 413 naming `(root)`), at most 100 alias expansions; a parse error is a
 * 400 naming `(root)`.
 */
export function parseImportYaml(text: string): unknown {
  const size = Buffer.byteLength(text);
  if (size > MAX_IMPORT_YAML_BYTES) {
    throw payloadTooLarge(
      `(root): a YAML import is at most ${
        MAX_IMPORT_YAML_BYTES / 1024
      } KB, this one is ${Math.ceil(
        size / 1024,
      )} KB; send larger imports as JSON (application/json)`,
    );
  }
  try {
    // The node library's YAML reader names the line and the problem in its
    // own words: the parser's messages quote the body back, and a deep
    // nesting surfaces as a stack overflow.
    return parseYamlText(text, '(root)');
  } catch (error) {
    if (error instanceof FootprintInputError) {
      throw new InputError(error.message);
    }
    throw error;
  }
}
