import { tenantImportRowSchema } from '@region-expansion/plugin-region-expansion-common';
import { Knex } from 'knex';

/** The turn of the event loop that is running, counted by {@link countTurns}. */
export interface TurnCounter {
  readonly turn: number;
  stop(): void;
}

/**
 * Counts turns of the event loop with a `setImmediate` callback that queues
 * itself again: work that never yields runs within one turn. Tests bound
 * how much work runs between two turns with it, without a clock.
 */
export function countTurns(): TurnCounter {
  let turn = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turn += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop() {
      running = false;
    },
  };
}

/** How many of `turns` (the turn of each call) fell into the busiest turn. */
export function mostInOneTurn(turns: readonly number[]): number {
  const perTurn = new Map<number, number>();
  for (const turn of turns) perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
  return Math.max(0, ...perTurn.values());
}

/** One INSERT statement: the turn it ran in and the rows it wrote. */
export interface InsertStatement {
  turn: number;
  rows: number;
}

/**
 * Records every INSERT into `table` that `knex` sends while the returned
 * list is in use; `stop` stops listening. Rows are bindings per column of
 * the statement's column list (one binding per column and row).
 */
export function recordInserts(
  knex: Knex,
  table: string,
  turns: TurnCounter,
): { statements: InsertStatement[]; stop(): void } {
  const statements: InsertStatement[] = [];
  const into = new RegExp(`^insert into [\`"]${table}[\`"] \\(([^)]*)\\)`);
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    const columns = into.exec(query.sql)?.[1].split(',').length;
    if (columns) {
      statements.push({
        turn: turns.turn,
        rows: (query.bindings?.length ?? 0) / columns,
      });
    }
  };
  knex.on('query', listener);
  return {
    statements,
    stop: () => knex.off('query', listener),
  };
}

/**
 * Records the turn each tenant import row is validated in, calling through
 * to the real schema; `stop` restores it.
 */
export function recordRowValidations(turns: TurnCounter): {
  turns: number[];
  stop(): void;
} {
  const validatedIn: number[] = [];
  const safeParse = tenantImportRowSchema.safeParse.bind(tenantImportRowSchema);
  const spy = jest
    .spyOn(tenantImportRowSchema, 'safeParse')
    .mockImplementation((value: unknown) => {
      validatedIn.push(turns.turn);
      return safeParse(value);
    });
  return { turns: validatedIn, stop: () => spy.mockRestore() };
}
