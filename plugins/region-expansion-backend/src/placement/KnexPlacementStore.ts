import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  PlacementRecord,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { KnexStore } from '../database/KnexStore';
import { lockFirst, writeTransaction } from '../database/writeTransaction';
import { changeCellUsage, lockCells, usageOf } from '../estate/cellUsage';
import { rowToTenant, TenantRow } from '../tenants/tenantRows';
import { PlacementHistoryRow, rowToRecord } from './placementHistoryRows';
import { PlacementStore } from './PlacementStore';

/**
 * The {@link PlacementStore} over the plugin's database (table
 * `placement_history`, with `tenants.cell_id` and the cells' usage
 * counters written in the same transaction).
 *
 * @public
 */
export class KnexPlacementStore extends KnexStore implements PlacementStore {
  /**
   * The tenant is locked first, then both cells in id order: every writer
   * takes cells in that one order, so two opposite moves cannot deadlock.
   * A deadlock or serialization failure (from any other cause) is retried.
   */
  async recordPlacement(
    record: Omit<PlacementRecord, 'at'>,
    options: {
      actor: string;
      expectedFromCellId: string | undefined;
      verify?: (tenant: Tenant, target: Cell) => void;
    },
  ): Promise<PlacementRecord> {
    const at = new Date().toISOString();
    await writeTransaction(this.db, async trx => {
      const row = await lockFirst(
        trx,
        trx<TenantRow>('tenants').where('id', record.tenantId),
      );
      if (!row) {
        throw new NotFoundError(`Tenant '${record.tenantId}' does not exist`);
      }
      const tenant = rowToTenant(row);
      if (tenant.cellId !== options.expectedFromCellId) {
        throw new ConflictError(
          `tenantId: tenant '${tenant.id}' moved to '${
            tenant.cellId ?? 'no cell'
          }' while the placement was decided; retry`,
        );
      }
      const cells = await lockCells(trx, [
        record.cellId,
        ...(tenant.cellId ? [tenant.cellId] : []),
      ]);
      const target = cells.get(record.cellId);
      if (!target) {
        throw new InputError(`cellId: cell '${record.cellId}' does not exist`);
      }
      options.verify?.(tenant, target);
      if (tenant.cellId) {
        await changeCellUsage(trx, tenant.cellId, usageOf(tenant, -1));
      }
      await changeCellUsage(trx, record.cellId, usageOf(tenant, 1));
      await trx<TenantRow>('tenants')
        .where('id', tenant.id)
        .update({ cell_id: record.cellId, updated_at: at });
      const history: PlacementHistoryRow = {
        tenant_id: record.tenantId,
        kind: record.kind,
        from_cell_id: record.fromCellId ?? null,
        cell_id: record.cellId,
        strategy: record.strategy,
        reason: record.reason,
        actor: options.actor,
        at,
      };
      await trx('placement_history').insert(history);
    });
    return { ...record, at };
  }

  async listPlacementHistory(tenantId: string): Promise<PlacementRecord[]> {
    const rows = await this.db<PlacementHistoryRow>('placement_history')
      .where('tenant_id', tenantId)
      .orderBy('id');
    return rows.map(rowToRecord);
  }

  async countPlacementRecords(): Promise<number> {
    const [{ n }] = await this.db('placement_history').count({ n: '*' });
    return Number(n);
  }
}
