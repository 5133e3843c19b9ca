import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  Tenant,
  TenantSortField,
} from '@region-expansion/plugin-region-expansion-common';
import { KnexStore } from '../database/KnexStore';
import {
  chunks,
  insertTransaction,
  lockFirst,
  nextTurn,
  writeTransaction,
} from '../database/writeTransaction';
import { CellRow, rowToCell } from '../estate/cellRows';
import {
  addQuotas,
  CellUsageDelta,
  changeCellUsage,
  compareIds,
  lockCells,
  usageOf,
} from '../estate/cellUsage';
import { pinnedHistoryRow } from '../placement/placementHistoryRows';
import { rowToTenant, TenantRow, tenantToRow } from './tenantRows';
import {
  TenantChanges,
  TenantPage,
  TenantQuery,
  TenantStore,
} from './TenantStore';

/** Rows per INSERT statement in bulk writes: 10 columns × 500 rows stays far
 * below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const INSERT_CHUNK_SIZE = 500;
/** Ids per `WHERE id IN (...)` lookup in bulk reads. */
const LOOKUP_CHUNK_SIZE = 1000;

/** The column of each sortable field. */
const SORT_COLUMNS: Readonly<Record<TenantSortField, string>> = {
  id: 'tenants.id',
  name: 'tenants.name',
  tier: 'tenants.tier',
  classification: 'tenants.classification',
  loadUnits: 'tenants.load_units',
  cellId: 'tenants.cell_id',
};

/**
 * A LIKE pattern matching `text` anywhere, lower-cased, with `%`, `_` and
 * the escape character itself taken literally (used with `ESCAPE '\\'`).
 */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** Each id's first row; a repeated id is an `InputError` naming both rows. */
function firstRowOfEachId(tenants: Tenant[]): Map<string, number> {
  const seen = new Map<string, number>();
  tenants.forEach((tenant, index) => {
    const first = seen.get(tenant.id);
    if (first !== undefined) {
      throw new InputError(
        `rows[${index}].id: '${tenant.id}' repeats row ${first}`,
      );
    }
    seen.set(tenant.id, index);
  });
  return seen;
}

/** What the pinned tenants add to each cell's usage. */
function usagePerCell(tenants: Tenant[]): Map<string, CellUsageDelta> {
  const perCell = new Map<string, CellUsageDelta>();
  for (const tenant of tenants) {
    if (!tenant.cellId) continue;
    const usage = perCell.get(tenant.cellId) ?? {
      tenants: 0,
      loadUnits: 0,
      quotas: {},
    };
    const delta = usageOf(tenant, 1);
    perCell.set(tenant.cellId, {
      tenants: usage.tenants + delta.tenants,
      loadUnits: usage.loadUnits + delta.loadUnits,
      quotas: addQuotas(usage.quotas, delta.quotas, 1),
    });
  }
  return perCell;
}

/**
 * The {@link TenantStore} over the plugin's database (table `tenants`, with
 * the usage counters of `cells` and rows of `placement_history` written in
 * the same transactions). Cells are locked in one global order (by id), as
 * every writer locks them.
 *
 * @public
 */
export class KnexTenantStore extends KnexStore implements TenantStore {
  async listTenants(query: TenantQuery): Promise<TenantPage> {
    const base = this.db<TenantRow>('tenants');
    if (query.cellId) base.where('tenants.cell_id', query.cellId);
    if (query.tier) base.where('tenants.tier', query.tier);
    if (query.unplaced === true) base.whereNull('tenants.cell_id');
    if (query.unplaced === false) base.whereNotNull('tenants.cell_id');
    if (query.partition || query.locationId) {
      base.join('cells', 'cells.id', 'tenants.cell_id');
      if (query.partition) base.where('cells.partition', query.partition);
      if (query.locationId) base.where('cells.location_id', query.locationId);
    }
    if (query.q) {
      // LOWER on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's
      // only for ASCII; the same rule on both.
      const pattern = containsPattern(query.q);
      base.where(inner =>
        inner
          .whereRaw(`LOWER(tenants.name) LIKE ? ESCAPE '\\'`, [pattern])
          .orWhereRaw(`LOWER(tenants.id) LIKE ? ESCAPE '\\'`, [pattern]),
      );
    }
    const [{ count }] = await base.clone().count({ count: '*' });
    const ordered = base.select<TenantRow[]>('tenants.*');
    const sort = query.sort;
    if (sort && sort.field !== 'id') {
      // Unplaced tenants last in both directions on both databases (their
      // defaults differ, and Knex's `nulls: 'last'` on SQLite drops the
      // column itself from the ORDER BY).
      const column = SORT_COLUMNS[sort.field];
      ordered
        .orderByRaw('?? IS NULL', [column])
        .orderBy(column, sort.direction);
    }
    // Ties broken by id: a page boundary never splits equal rows twice.
    const rows = await ordered
      .orderBy('tenants.id', sort?.field === 'id' ? sort.direction : 'asc')
      .offset(query.offset)
      .limit(query.limit);
    return { items: rows.map(rowToTenant), totalCount: Number(count) };
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const row = await this.db<TenantRow>('tenants').where('id', id).first();
    return row ? rowToTenant(row) : undefined;
  }

  async countTenants(): Promise<number> {
    const [{ n }] = await this.db('tenants').count({ n: '*' });
    return Number(n);
  }

  async addTenant(
    tenant: Tenant,
    options: {
      actor: string;
      reason: string;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<Tenant> {
    const now = new Date().toISOString();
    await insertTransaction(this.db, 'tenant', tenant.id, async trx => {
      // The cell first: the tenant row's foreign key would otherwise share-
      // lock the cell before the usage update locks it for writing, and two
      // such inserts into one cell deadlock on PostgreSQL.
      if (tenant.cellId) {
        const cell = (await lockCells(trx, [tenant.cellId])).get(tenant.cellId);
        if (cell) options.verifyCell?.(cell);
        await changeCellUsage(trx, tenant.cellId, usageOf(tenant, 1));
      }
      await trx('tenants').insert(tenantToRow(tenant, now));
      if (tenant.cellId) {
        await trx('placement_history').insert(
          pinnedHistoryRow(
            tenant.id,
            tenant.cellId,
            options.reason,
            options.actor,
            now,
          ),
        );
      }
    });
    return tenant;
  }

  async updateTenant(
    id: string,
    decide: (current: Tenant, cell: Cell | undefined) => TenantChanges,
  ): Promise<Tenant> {
    return writeTransaction(this.db, async trx => {
      const row = await lockFirst(
        trx,
        trx<TenantRow>('tenants').where('id', id),
      );
      if (!row) {
        throw new NotFoundError(`Tenant '${id}' does not exist`);
      }
      const current = rowToTenant(row);
      const cellRow = current.cellId
        ? await lockFirst(
            trx,
            trx<CellRow>('cells').where('id', current.cellId),
          )
        : undefined;
      const cell = cellRow ? rowToCell(cellRow) : undefined;
      const changes = decide(current, cell);
      const next: Tenant = { ...current, ...changes };
      if (cell) {
        const before = usageOf(current, 1);
        const after = usageOf(next, 1);
        await changeCellUsage(trx, cell.id, {
          tenants: 0,
          loadUnits: after.loadUnits - before.loadUnits,
          quotas: addQuotas(after.quotas, before.quotas, -1),
        });
      }
      const { created_at: _created, ...update } = tenantToRow(
        next,
        new Date().toISOString(),
      );
      await trx<TenantRow>('tenants').where('id', id).update(update);
      return next;
    });
  }

  async importTenants(
    tenants: Tenant[],
    options: {
      actor: string;
      reasons?: ReadonlyMap<string, string>;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<{ imported: number; placed: number }> {
    const seen = firstRowOfEachId(tenants);
    const perCell = usagePerCell(tenants);
    const now = new Date().toISOString();
    await writeTransaction(this.db, async trx => {
      for (const ids of chunks([...seen.keys()], LOOKUP_CHUNK_SIZE)) {
        await nextTurn();
        const existing = await trx('tenants').whereIn('id', ids).first('id');
        if (existing) {
          throw new ConflictError(
            `rows[${seen.get(existing.id)}].id: tenant '${
              existing.id
            }' already exists`,
          );
        }
      }
      // Cells in one global order (by id), as every writer locks them.
      const cells = await lockCells(trx, [...perCell.keys()]);
      for (const cell of cells.values()) options.verifyCell?.(cell);
      for (const cellId of [...perCell.keys()].sort(compareIds)) {
        await changeCellUsage(trx, cellId, perCell.get(cellId)!);
      }
      const rows = tenants.map(t => tenantToRow(t, now));
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await nextTurn();
        await trx('tenants').insert(chunk);
      }
      const history = tenants
        .filter(t => t.cellId)
        .map(t =>
          pinnedHistoryRow(
            t.id,
            t.cellId!,
            options.reasons?.get(t.id) ?? `Imported into cell ${t.cellId}`,
            options.actor,
            now,
          ),
        );
      for (const chunk of chunks(history, INSERT_CHUNK_SIZE)) {
        await nextTurn();
        await trx('placement_history').insert(chunk);
      }
    });
    return {
      imported: tenants.length,
      placed: tenants.filter(t => t.cellId).length,
    };
  }
}
