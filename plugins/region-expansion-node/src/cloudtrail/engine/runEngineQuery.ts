import type { ServiceMapping } from '../../availability/serviceMapping';
import {
  EngineFootprint,
  footprintOfEngineRows,
  readEngineRows,
} from './engineFootprint';
import { EngineQueryError } from './EngineQueryError';
import {
  EngineQueryState,
  EngineWaitOptions,
  pollEngineQuery,
} from './pollEngineQuery';

/** How one engine starts, watches, reads and cancels the footprint query. */
export interface EngineQuery {
  engine: EngineFootprint['query']['engine'];
  /** Name in messages, e.g. `CloudTrail Lake`. */
  name: string;
  statement: string;
  /** Where the footprint's unknown items say they were found. */
  where: string;
  /** Starts the statement; the query id. */
  start(): Promise<string>;
  /** One status read, with the bytes scanned so far when the engine says. */
  read(id: string): Promise<EngineQueryState & { bytesScanned?: number }>;
  /** One page of result rows as column name → value. */
  page(
    id: string,
    token: string | undefined,
  ): Promise<{
    rows: Array<Record<string, string | undefined>>;
    next?: string;
  }>;
  /** Stops a query given up on, so it does not go on scanning (and costing). */
  cancel(id: string): Promise<void>;
}

/**
 * Options every engine-side footprint takes besides its own.
 *
 * @public
 */
export interface EngineRunOptions extends EngineWaitOptions {
  /** Most result rows (groups) read; default 1,000,000. */
  maxRows?: number;
  /** Default: the bundled mapping table. */
  mapping?: ServiceMapping;
}

/**
 * Runs an engine's footprint query: start, status reads with backoff for
 * a bounded wait (a query still running then is cancelled), every page of
 * groups, and the footprint of the rows.
 */
export async function runEngineQuery(
  query: EngineQuery,
  options: EngineRunOptions,
): Promise<EngineFootprint> {
  const id = await query.start();
  let bytesScanned: number | undefined;
  let polls: number;
  try {
    polls = await pollEngineQuery(
      async () => {
        const state = await query.read(id);
        bytesScanned = state.bytesScanned ?? bytesScanned;
        return state;
      },
      `${query.name} query ${id}`,
      options,
    );
  } catch (error) {
    if (error instanceof EngineQueryError && error.problem === 'timeout') {
      const cancelled = await query.cancel(id).then(
        () => 'cancelled',
        () => 'could not be cancelled',
      );
      throw new EngineQueryError({
        field: error.field,
        reason: `${error.reason}; the query ${cancelled}`,
        problem: error.problem,
      });
    }
    throw error;
  }
  const rows = await readEngineRows(
    token => query.page(id, token),
    options.maxRows,
  );
  return {
    footprint: footprintOfEngineRows(rows, query.where, options.mapping),
    query: {
      engine: query.engine,
      id,
      statement: query.statement,
      polls,
      rows: rows.length,
      ...(bytesScanned !== undefined ? { bytesScanned } : {}),
    },
  };
}
