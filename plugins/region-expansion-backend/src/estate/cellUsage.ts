import { ConflictError, InputError } from '@backstage/errors';
import { Cell, Tenant } from '@region-expansion/plugin-region-expansion-common';
import { Knex } from 'knex';
import { lockFirst } from '../database/writeTransaction';
import { CellRow, rowToCell } from './cellRows';

/**
 * A change to a cell's usage counters. Tenants, placements and imports
 * change usage only through {@link changeCellUsage}, inside their writing
 * transaction, so usage never exceeds capacity.
 */
export interface CellUsageDelta {
  tenants: number;
  loadUnits: number;
  quotas: Record<string, number>;
}

/** `base` with each quota of `delta` added (`sign` 1) or taken away (-1). */
export function addQuotas(
  base: Record<string, number>,
  delta: Record<string, number> | undefined,
  sign: 1 | -1,
): Record<string, number> {
  const result = { ...base };
  for (const [name, amount] of Object.entries(delta ?? {})) {
    result[name] = (result[name] ?? 0) + sign * amount;
  }
  return result;
}

/** What a tenant adds to its cell's usage (`sign` 1) or frees (-1). */
export function usageOf(
  tenant: Pick<Tenant, 'loadUnits' | 'quotaUsage'>,
  sign: 1 | -1,
): CellUsageDelta {
  return {
    tenants: sign,
    loadUnits: sign * tenant.loadUnits,
    quotas: addQuotas({}, tenant.quotaUsage, sign),
  };
}

/** The order in which writers lock cells: by id, in code units. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Locks cells for the rest of the transaction on PostgreSQL, one by one in
 * {@link compareIds} order (the one order every writer uses; a database
 * ORDER BY would follow its collation instead), and returns them by id.
 */
export async function lockCells(
  trx: Knex.Transaction,
  ids: string[],
): Promise<Map<string, Cell>> {
  const cells = new Map<string, Cell>();
  for (const id of [...new Set(ids)].sort(compareIds)) {
    const row = await lockFirst(trx, trx<CellRow>('cells').where('id', id));
    if (row) cells.set(id, rowToCell(row));
  }
  return cells;
}

/**
 * Adds `delta` to a cell's usage. Counters change in one guarded UPDATE so
 * concurrent writers cannot overshoot capacity; quota usage is JSON and
 * changed under the row lock taken here.
 */
export async function changeCellUsage(
  trx: Knex.Transaction,
  cellId: string,
  delta: CellUsageDelta,
): Promise<void> {
  const row = await lockFirst(trx, trx<CellRow>('cells').where('id', cellId));
  if (!row) {
    throw new InputError(`cellId: cell '${cellId}' does not exist`);
  }
  const cell = rowToCell(row);
  const quotas = addQuotas(cell.usage.quotas, delta.quotas, 1);
  for (const [name, used] of Object.entries(quotas)) {
    const max = cell.capacity.quotas[name];
    if (max !== undefined && used > max) {
      throw new ConflictError(
        `cellId: cell '${cellId}' has no headroom for quota '${name}' (${used} > ${max})`,
      );
    }
  }
  const updated = await trx('cells')
    .where('id', cellId)
    .andWhereRaw('tenant_count + ? <= max_tenants', [delta.tenants])
    .andWhereRaw('load_units + ? <= max_load_units', [delta.loadUnits])
    .update({
      tenant_count: trx.raw('tenant_count + ?', [delta.tenants]),
      load_units: trx.raw('load_units + ?', [delta.loadUnits]),
      quota_usage: JSON.stringify(quotas),
      updated_at: new Date().toISOString(),
    });
  if (updated === 0) {
    throw new ConflictError(
      `cellId: cell '${cellId}' has no headroom for ${delta.tenants} tenant(s) and ${delta.loadUnits} load units (used ${cell.usage.tenants}/${cell.capacity.tenants} tenants, ${cell.usage.loadUnits}/${cell.capacity.loadUnits} load units)`,
    );
  }
}
