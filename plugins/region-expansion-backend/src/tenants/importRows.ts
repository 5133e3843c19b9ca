import { performance } from 'node:perf_hooks';
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
