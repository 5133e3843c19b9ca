import { setImmediate as nextTurn } from 'node:timers/promises';
import { InputError } from '@backstage/errors';
import {
  MAX_IMPORT_ROWS,
  MAX_IMPORT_YAML_BYTES,
  TENANT_IMPORT_YAML_TYPES,
  TenantImportRow,
  tenantImportRowSchema,
} from '@region-expansion/plugin-region-expansion-common';
import {
  FootprintInputError,
  parseYamlText,
} from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import { parseInput } from '../routing/requestHelpers';

// The row cap and the YAML limit are the route's, declared with it.
export { MAX_IMPORT_ROWS, MAX_IMPORT_YAML_BYTES };

/**
 * Rows handled between two turns of the event loop, so other requests (the
 * liveness probe) are answered while a large import is checked. Counted in
 * rows, not time, so the bound holds on any machine and a test can count
 * it: the row schema bounds a row's work, and the heaviest valid row (with
 * residency lists) takes about 50 µs to validate, so a turn holds the loop
 * for about 10 ms.
 */
export const ROWS_PER_TURN = 200;

/**
 * Calls `fn` for every item, at most `rowsPerTurn` of them per turn of the
 * event loop; an error thrown by `fn` stops the walk.
 */
export async function forEachInTurns<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
  rowsPerTurn: number = ROWS_PER_TURN,
): Promise<void> {
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % rowsPerTurn === 0) {
      await nextTurn();
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

/**
 * Reads the body of `POST /tenants/import`: a YAML text or a JSON array of
 * rows, each row validated (see {@link parseImportRows}).
 */
export async function parseImportBody(
  body: unknown,
  req: express.Request,
): Promise<TenantImportRow[]> {
  let rows = body;
  if (typeof rows === 'string') {
    rows = parseImportYaml(rows);
  } else if (!req.is('application/json')) {
    throw new InputError(
      `(root): send a JSON or YAML array with Content-Type application/json or ${TENANT_IMPORT_YAML_TYPES.join(
        ', ',
      )}`,
    );
  }
  if (!Array.isArray(rows)) {
    throw new InputError('(root): must be an array of tenant rows');
  }
  return parseImportRows(rows);
}
