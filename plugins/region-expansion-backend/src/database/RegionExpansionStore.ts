import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  CellIsolation,
  CellLifecycle,
  ControlPlane,
  ControlPlaneMode,
  DataClassification,
  Geography,
  Location,
  LocationCellSummary,
  LocationKind,
  PlacementRecord,
  Residency,
  Tenant,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { Knex } from 'knex';
import { isRetryableWriteError, retryTransaction } from './retryTransaction';

const migrationsDir = resolvePackagePath(
  '@region-expansion/plugin-region-expansion-backend',
  'migrations',
);

/** Rows per INSERT statement in bulk writes: 10 columns × 500 rows stays far
 * below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const INSERT_CHUNK_SIZE = 500;
/** Ids per `WHERE id IN (...)` lookup in bulk reads. */
const LOOKUP_CHUNK_SIZE = 1000;

/**
 * Filter of {@link RegionExpansionStore.listCells}.
 *
 * @public
 */
export interface CellFilter {
  /** Only cells in this partition. */
  partition?: string;
  /** Only cells in this location. */
  locationId?: string;
  /** Only cells in this lifecycle state. */
  lifecycle?: CellLifecycle;
  /** Only cells managed by this control plane. */
  controlPlaneId?: string;
}

/**
 * Filter and page of {@link RegionExpansionStore.listTenants}.
 *
 * @public
 */
export interface TenantQuery {
  /** Only tenants in this cell. */
  cellId?: string;
  /** Only tenants of this tier. */
  tier?: TenantTier;
  /** Only tenants whose cell is in this partition. */
  partition?: string;
  /** Only tenants whose cell is in this location. */
  locationId?: string;
  /** `true`: only tenants without a cell; `false`: only placed tenants. */
  unplaced?: boolean;
  /** Number of tenants to skip. */
  offset: number;
  /** Maximum number of tenants to return. */
  limit: number;
}

/**
 * One page of tenants.
 *
 * @public
 */
export interface TenantPage {
  /** Tenants of this page, ordered by id. */
  items: Tenant[];
  /** Number of tenants matching the filter across all pages. */
  totalCount: number;
}

/**
 * Number of rows per table, for health views and tests.
 *
 * @public
 */
export interface StoreCounts {
  /** Extra locations (Local Zones, Outposts). */
  locations: number;
  /** Control planes. */
  controlPlanes: number;
  /** Cells. */
  cells: number;
  /** Tenants. */
  tenants: number;
  /** Placement history rows. */
  placements: number;
}

/**
 * Changes to a tenant's own fields; placement moves go through
 * {@link RegionExpansionStore.recordPlacement}.
 *
 * @public
 */
export type TenantChanges = Partial<
  Pick<
    Tenant,
    | 'name'
    | 'tier'
    | 'residency'
    | 'classification'
    | 'loadUnits'
    | 'quotaUsage'
  >
>;

/**
 * Changes to a cell's operator-controlled fields.
 *
 * @public
 */
export type CellChanges = Partial<
  Pick<Cell, 'name' | 'lifecycle' | 'specVersion' | 'capacity'>
>;

type LocationRow = {
  id: string;
  kind: string;
  partition: string;
  name: string;
  country: string;
  geography: string;
  jurisdictions: string;
  parent_region: string;
  created_at: string | Date;
};

type ControlPlaneRow = {
  id: string;
  name: string;
  mode: string;
  partition: string;
  home_location: string;
  managed_locations: string;
  created_at: string | Date;
};

type CellRow = {
  id: string;
  name: string;
  location_id: string;
  partition: string;
  control_plane_id: string;
  lifecycle: string;
  isolation: string;
  account_id: string;
  spec_version: string;
  max_tenants: number;
  max_load_units: number;
  max_quotas: string;
  tenant_count: number;
  load_units: number;
  quota_usage: string;
  created_at: string | Date;
  updated_at: string | Date;
};

type TenantRow = {
  id: string;
  name: string;
  tier: string;
  residency: string;
  classification: string;
  load_units: number;
  quota_usage: string | null;
  cell_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
};

type HistoryRow = {
  id: number | string;
  tenant_id: string;
  kind: string;
  from_cell_id: string | null;
  cell_id: string;
  strategy: string;
  reason: string;
  actor: string;
  at: string | Date;
};

function toIso(value: string | Date | number): string {
  return new Date(value).toISOString();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'ER_DUP_ENTRY'
  );
}

function addQuotas(
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

function usageOf(
  tenant: Pick<Tenant, 'loadUnits' | 'quotaUsage'>,
  sign: 1 | -1,
): { tenants: number; loadUnits: number; quotas: Record<string, number> } {
  return {
    tenants: sign,
    loadUnits: sign * tenant.loadUnits,
    quotas: addQuotas({}, tenant.quotaUsage, sign),
  };
}

function rowToLocation(row: LocationRow): Location {
  const geography = row.geography as Geography;
  return {
    id: row.id,
    kind: row.kind as LocationKind,
    partition: row.partition,
    name: row.name,
    country: row.country,
    geography,
    jurisdictions: JSON.parse(row.jurisdictions),
    parentRegion: row.parent_region,
  };
}

function rowToControlPlane(row: ControlPlaneRow): ControlPlane {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode as ControlPlaneMode,
    partition: row.partition,
    homeLocation: row.home_location,
    managedLocations: JSON.parse(row.managed_locations),
  };
}

function rowToCell(row: CellRow): Cell {
  return {
    id: row.id,
    name: row.name,
    locationId: row.location_id,
    partition: row.partition,
    controlPlaneId: row.control_plane_id,
    lifecycle: row.lifecycle as CellLifecycle,
    isolation: row.isolation as CellIsolation,
    accountId: row.account_id,
    specVersion: row.spec_version,
    capacity: {
      tenants: Number(row.max_tenants),
      loadUnits: Number(row.max_load_units),
      quotas: JSON.parse(row.max_quotas),
    },
    usage: {
      tenants: Number(row.tenant_count),
      loadUnits: Number(row.load_units),
      quotas: JSON.parse(row.quota_usage),
    },
  };
}

function rowToTenant(row: TenantRow): Tenant {
  const tenant: Tenant = {
    id: row.id,
    name: row.name,
    tier: row.tier as TenantTier,
    residency: JSON.parse(row.residency) as Residency,
    classification: row.classification as DataClassification,
    loadUnits: Number(row.load_units),
  };
  if (row.quota_usage) {
    tenant.quotaUsage = JSON.parse(row.quota_usage);
  }
  if (row.cell_id) {
    tenant.cellId = row.cell_id;
  }
  return tenant;
}

function tenantToRow(tenant: Tenant, now: string): TenantRow {
  return {
    id: tenant.id,
    name: tenant.name,
    tier: tenant.tier,
    residency: JSON.stringify(tenant.residency),
    classification: tenant.classification,
    load_units: tenant.loadUnits,
    quota_usage: tenant.quotaUsage ? JSON.stringify(tenant.quotaUsage) : null,
    cell_id: tenant.cellId ?? null,
    created_at: now,
    updated_at: now,
  };
}

function rowToRecord(row: HistoryRow): PlacementRecord {
  const record: PlacementRecord = {
    tenantId: row.tenant_id,
    cellId: row.cell_id,
    reason: row.reason,
    strategy: row.strategy as PlacementRecord['strategy'],
    at: toIso(row.at),
    kind: row.kind as PlacementRecord['kind'],
  };
  if (row.from_cell_id) {
    record.fromCellId = row.from_cell_id;
  }
  return record;
}

/** The order in which writers lock cells: by id, in code units. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Lets the event loop run between two statements of a bulk write. SQLite's
 * driver runs each statement synchronously and knex chains them through
 * promises only, so without this a 10,000-row import held the loop for
 * about 300 ms at once; other requests now wait for one chunk at most.
 */
function nextTurn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * Persistence of the region-expansion backend: extra locations, control
 * planes, cells with their usage counters, tenants and the placement history.
 *
 * @remarks
 *
 * Every write runs in a transaction. Natural-key clashes surface as
 * `ConflictError`; a cell's usage never exceeds its capacity because usage is
 * changed only by guarded updates inside the writing transaction.
 *
 * @public
 */
export class RegionExpansionStore {
  readonly #db: Knex;

  /**
   * Connects to the plugin's database and runs the migrations, unless the
   * database service says to skip them.
   */
  static async create(options: {
    database: DatabaseService;
  }): Promise<RegionExpansionStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new RegionExpansionStore(client);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  // ---------------------------------------------------------------- locations

  /** Extra locations (Local Zones and Outposts), optionally of one partition. */
  async listLocations(
    filter: { partition?: string } = {},
  ): Promise<Location[]> {
    const query = this.#db<LocationRow>('locations').orderBy('id');
    if (filter.partition) {
      query.where('partition', filter.partition);
    }
    return (await query).map(rowToLocation);
  }

  /** Adds a Local Zone or Outpost; `ConflictError` when the id exists. */
  async addLocation(location: Location): Promise<Location> {
    await this.#insert('location', location.id, trx =>
      trx<LocationRow>('locations').insert({
        id: location.id,
        kind: location.kind,
        partition: location.partition,
        name: location.name,
        country: location.country,
        geography: location.geography,
        jurisdictions: JSON.stringify(location.jurisdictions),
        parent_region: location.parentRegion ?? '',
        created_at: new Date().toISOString(),
      }),
    );
    return location;
  }

  // ----------------------------------------------------------- control planes

  /** All control planes, optionally of one partition. */
  async listControlPlanes(
    filter: { partition?: string } = {},
  ): Promise<ControlPlane[]> {
    const query = this.#db<ControlPlaneRow>('control_planes').orderBy('id');
    if (filter.partition) {
      query.where('partition', filter.partition);
    }
    return (await query).map(rowToControlPlane);
  }

  /** One control plane, or `undefined`. */
  async getControlPlane(id: string): Promise<ControlPlane | undefined> {
    const row = await this.#db<ControlPlaneRow>('control_planes')
      .where('id', id)
      .first();
    return row ? rowToControlPlane(row) : undefined;
  }

  /** Adds a control plane; `ConflictError` when the id exists. */
  async addControlPlane(controlPlane: ControlPlane): Promise<ControlPlane> {
    await this.#insert('control plane', controlPlane.id, trx =>
      trx<ControlPlaneRow>('control_planes').insert({
        id: controlPlane.id,
        name: controlPlane.name,
        mode: controlPlane.mode,
        partition: controlPlane.partition,
        home_location: controlPlane.homeLocation,
        managed_locations: JSON.stringify(controlPlane.managedLocations),
        created_at: new Date().toISOString(),
      }),
    );
    return controlPlane;
  }

  // -------------------------------------------------------------------- cells

  /** Cells matching the filter, ordered by id. */
  async listCells(filter: CellFilter = {}): Promise<Cell[]> {
    const query = this.#db<CellRow>('cells').orderBy('id');
    if (filter.partition) query.where('partition', filter.partition);
    if (filter.locationId) query.where('location_id', filter.locationId);
    if (filter.lifecycle) query.where('lifecycle', filter.lifecycle);
    if (filter.controlPlaneId) {
      query.where('control_plane_id', filter.controlPlaneId);
    }
    return (await query).map(rowToCell);
  }

  /**
   * Cell totals per location (one aggregate query), ordered by location id;
   * locations without cells are absent.
   */
  async summarizeCellsByLocation(): Promise<LocationCellSummary[]> {
    const rows: Array<Record<string, string | number | null>> = await this.#db(
      'cells',
    )
      .select('location_id')
      .count({ cell_count: '*' })
      .sum({
        max_tenants: 'max_tenants',
        max_load_units: 'max_load_units',
        tenant_count: 'tenant_count',
        load_units: 'load_units',
      })
      .select(
        this.#db.raw(
          "sum(case when isolation = 'pooled' then 1 else 0 end) as pooled_count",
        ),
      )
      .groupBy('location_id')
      .orderBy('location_id');
    // PostgreSQL answers counts and sums as strings.
    const n = (value: string | number | null) => Number(value ?? 0);
    return rows.map(row => ({
      locationId: String(row.location_id),
      cellCount: n(row.cell_count),
      pooledCellCount: n(row.pooled_count),
      tenantCount: n(row.tenant_count),
      capacity: {
        tenants: n(row.max_tenants),
        loadUnits: n(row.max_load_units),
      },
      usage: { tenants: n(row.tenant_count), loadUnits: n(row.load_units) },
    }));
  }

  /** One cell, or `undefined`. */
  async getCell(id: string): Promise<Cell | undefined> {
    const row = await this.#db<CellRow>('cells').where('id', id).first();
    return row ? rowToCell(row) : undefined;
  }

  /** Number of cells; the demo seeder uses it to stay idempotent. */
  async countCells(): Promise<number> {
    const [{ count }] = await this.#db('cells').count({ count: '*' });
    return Number(count);
  }

  /**
   * Adds cells in one transaction; `ConflictError` when an id exists.
   * New cells start with the usage given (normally zero).
   */
  async addCells(cells: Cell[]): Promise<Cell[]> {
    const now = new Date().toISOString();
    const rows: CellRow[] = cells.map(cell => ({
      id: cell.id,
      name: cell.name,
      location_id: cell.locationId,
      partition: cell.partition,
      control_plane_id: cell.controlPlaneId,
      lifecycle: cell.lifecycle,
      isolation: cell.isolation,
      account_id: cell.accountId,
      spec_version: cell.specVersion,
      max_tenants: cell.capacity.tenants,
      max_load_units: cell.capacity.loadUnits,
      max_quotas: JSON.stringify(cell.capacity.quotas),
      tenant_count: cell.usage.tenants,
      load_units: cell.usage.loadUnits,
      quota_usage: JSON.stringify(cell.usage.quotas),
      created_at: now,
      updated_at: now,
    }));
    await this.#insert('cell', cells.map(c => c.id).join(', '), async trx => {
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await trx('cells').insert(chunk);
      }
    });
    return cells;
  }

  /**
   * Changes a cell inside a transaction. `decide` sees the current cell
   * (locked on PostgreSQL) and returns the changes, or throws to abort.
   */
  async updateCell(
    id: string,
    decide: (current: Cell) => CellChanges,
  ): Promise<Cell> {
    return this.#transaction(async trx => {
      const row = await this.#lock(trx<CellRow>('cells').where('id', id));
      if (!row) {
        throw new NotFoundError(`Cell '${id}' does not exist`);
      }
      const changes = decide(rowToCell(row));
      const update: Partial<CellRow> = {
        updated_at: new Date().toISOString(),
      };
      if (changes.name !== undefined) update.name = changes.name;
      if (changes.lifecycle !== undefined) update.lifecycle = changes.lifecycle;
      if (changes.specVersion !== undefined) {
        update.spec_version = changes.specVersion;
      }
      if (changes.capacity !== undefined) {
        const cell = rowToCell(row);
        const below = [
          cell.usage.tenants > changes.capacity.tenants &&
            `capacity.tenants: ${changes.capacity.tenants} is below the ${cell.usage.tenants} tenants in the cell`,
          cell.usage.loadUnits > changes.capacity.loadUnits &&
            `capacity.loadUnits: ${changes.capacity.loadUnits} is below the ${cell.usage.loadUnits} load units in use`,
          ...Object.entries(changes.capacity.quotas).map(
            ([name, max]) =>
              (cell.usage.quotas[name] ?? 0) > max &&
              `capacity.quotas.${name}: ${max} is below the ${cell.usage.quotas[name]} in use`,
          ),
        ].filter(Boolean);
        if (below.length > 0) {
          throw new ConflictError(below.join('; '));
        }
        update.max_tenants = changes.capacity.tenants;
        update.max_load_units = changes.capacity.loadUnits;
        update.max_quotas = JSON.stringify(changes.capacity.quotas);
      }
      await trx<CellRow>('cells').where('id', id).update(update);
      const updated = await trx<CellRow>('cells').where('id', id).first();
      return rowToCell(updated!);
    });
  }

  // ------------------------------------------------------------------ tenants

  /** A page of tenants matching the filter, ordered by id. */
  async listTenants(query: TenantQuery): Promise<TenantPage> {
    const base = this.#db<TenantRow>('tenants');
    if (query.cellId) base.where('tenants.cell_id', query.cellId);
    if (query.tier) base.where('tenants.tier', query.tier);
    if (query.unplaced === true) base.whereNull('tenants.cell_id');
    if (query.unplaced === false) base.whereNotNull('tenants.cell_id');
    if (query.partition || query.locationId) {
      base.join('cells', 'cells.id', 'tenants.cell_id');
      if (query.partition) base.where('cells.partition', query.partition);
      if (query.locationId) base.where('cells.location_id', query.locationId);
    }
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .select<TenantRow[]>('tenants.*')
      .orderBy('tenants.id')
      .offset(query.offset)
      .limit(query.limit);
    return { items: rows.map(rowToTenant), totalCount: Number(count) };
  }

  /** One tenant, or `undefined`. */
  async getTenant(id: string): Promise<Tenant | undefined> {
    const row = await this.#db<TenantRow>('tenants').where('id', id).first();
    return row ? rowToTenant(row) : undefined;
  }

  /** Number of rows per table. */
  async counts(): Promise<StoreCounts> {
    const count = async (table: string) => {
      const [{ n }] = await this.#db(table).count({ n: '*' });
      return Number(n);
    };
    return {
      locations: await count('locations'),
      controlPlanes: await count('control_planes'),
      cells: await count('cells'),
      tenants: await count('tenants'),
      placements: await count('placement_history'),
    };
  }

  /**
   * Adds a tenant; `ConflictError` when the id exists. A tenant pinned to a
   * cell (`cellId`) is counted in the cell's usage (guarded by capacity) and
   * gets a history row, all in one transaction. Whether the pin honours
   * residency and tier is the caller's decision; `verifyCell` sees the cell
   * as it is now, locked, and throws to refuse (for example when it was
   * retired after the caller checked it).
   */
  async addTenant(
    tenant: Tenant,
    options: {
      actor: string;
      reason: string;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<Tenant> {
    const now = new Date().toISOString();
    await this.#insert('tenant', tenant.id, async trx => {
      // The cell first: the tenant row's foreign key would otherwise share-
      // lock the cell before the usage update locks it for writing, and two
      // such inserts into one cell deadlock on PostgreSQL.
      if (tenant.cellId) {
        const cell = (await this.#lockCells(trx, [tenant.cellId])).get(
          tenant.cellId,
        );
        if (cell) options.verifyCell?.(cell);
        await this.#changeUsage(trx, tenant.cellId, usageOf(tenant, 1));
      }
      await trx('tenants').insert(tenantToRow(tenant, now));
      if (tenant.cellId) {
        await trx('placement_history').insert({
          tenant_id: tenant.id,
          kind: 'placed',
          from_cell_id: null,
          cell_id: tenant.cellId,
          strategy: 'manual',
          reason: options.reason,
          actor: options.actor,
          at: now,
        });
      }
    });
    return tenant;
  }

  /**
   * Changes a tenant inside a transaction. `decide` sees the current tenant
   * and its cell (both locked on PostgreSQL) and returns the changes, or
   * throws to abort. Load and quota changes are applied to the cell's usage
   * with the same capacity guard as a placement.
   */
  async updateTenant(
    id: string,
    decide: (current: Tenant, cell: Cell | undefined) => TenantChanges,
  ): Promise<Tenant> {
    return this.#transaction(async trx => {
      const row = await this.#lock(trx<TenantRow>('tenants').where('id', id));
      if (!row) {
        throw new NotFoundError(`Tenant '${id}' does not exist`);
      }
      const current = rowToTenant(row);
      const cellRow = current.cellId
        ? await this.#lock(trx<CellRow>('cells').where('id', current.cellId))
        : undefined;
      const cell = cellRow ? rowToCell(cellRow) : undefined;
      const changes = decide(current, cell);
      const next: Tenant = { ...current, ...changes };
      if (cell) {
        const before = usageOf(current, 1);
        const after = usageOf(next, 1);
        await this.#changeUsage(trx, cell.id, {
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

  /**
   * Imports tenants in ONE transaction, in chunks, letting the event loop
   * run between chunks. Rows may name the cell
   * they already live in; the cells' usage grows accordingly, guarded by
   * capacity. Any failure (duplicate id, missing cell, overflow, a cell
   * `verifyCell` refuses as it is now, locked) rolls back every row.
   * Validation of the rows' content is the caller's job.
   *
   * @returns the number of tenants written.
   */
  async importTenants(
    tenants: Tenant[],
    options: {
      actor: string;
      reasons?: ReadonlyMap<string, string>;
      verifyCell?: (cell: Cell) => void;
    },
  ): Promise<{ imported: number; placed: number }> {
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

    const perCell = new Map<string, ReturnType<typeof usageOf>>();
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

    const now = new Date().toISOString();
    await this.#transaction(async trx => {
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
      const cells = await this.#lockCells(trx, [...perCell.keys()]);
      for (const cell of cells.values()) options.verifyCell?.(cell);
      for (const cellId of [...perCell.keys()].sort(compareIds)) {
        await this.#changeUsage(trx, cellId, perCell.get(cellId)!);
      }
      const rows = tenants.map(t => tenantToRow(t, now));
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await nextTurn();
        await trx('tenants').insert(chunk);
      }
      const history = tenants
        .filter(t => t.cellId)
        .map(t => ({
          tenant_id: t.id,
          kind: 'placed',
          from_cell_id: null,
          cell_id: t.cellId!,
          strategy: 'manual',
          reason:
            options.reasons?.get(t.id) ?? `Imported into cell ${t.cellId}`,
          actor: options.actor,
          at: now,
        }));
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

  // --------------------------------------------------------------- placements

  /**
   * Moves a tenant into a cell in one transaction: the previous cell's usage
   * shrinks, the new cell's usage grows (guarded: `ConflictError` if the cell
   * no longer has headroom, for example after a concurrent placement), the
   * tenant points at the cell and a history row is written.
   *
   * `expectedFromCellId` is the cell the decision was made against; if the
   * tenant moved meanwhile the call fails with `ConflictError`. `verify`
   * sees the tenant and the target cell as they are now, locked, and throws
   * to refuse the move (for example when the cell was set to draining after
   * the decision).
   *
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
    await this.#transaction(async trx => {
      const row = await this.#lock(
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
      const cells = await this.#lockCells(trx, [
        record.cellId,
        ...(tenant.cellId ? [tenant.cellId] : []),
      ]);
      const target = cells.get(record.cellId);
      if (!target) {
        throw new InputError(`cellId: cell '${record.cellId}' does not exist`);
      }
      options.verify?.(tenant, target);
      if (tenant.cellId) {
        await this.#changeUsage(trx, tenant.cellId, usageOf(tenant, -1));
      }
      await this.#changeUsage(trx, record.cellId, usageOf(tenant, 1));
      await trx<TenantRow>('tenants')
        .where('id', tenant.id)
        .update({ cell_id: record.cellId, updated_at: at });
      await trx('placement_history').insert({
        tenant_id: record.tenantId,
        kind: record.kind,
        from_cell_id: record.fromCellId ?? null,
        cell_id: record.cellId,
        strategy: record.strategy,
        reason: record.reason,
        actor: options.actor,
        at,
      });
    });
    return { ...record, at };
  }

  /** Placement history of a tenant, oldest first. */
  async listPlacementHistory(tenantId: string): Promise<PlacementRecord[]> {
    const rows = await this.#db<HistoryRow>('placement_history')
      .where('tenant_id', tenantId)
      .orderBy('id');
    return rows.map(rowToRecord);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * First row of `query`, locked for the rest of the transaction on
   * PostgreSQL. SQLite serialises writers anyway and has no row locks.
   */
  async #lock<TRow extends {}>(
    query: Knex.QueryBuilder<TRow, TRow[]>,
  ): Promise<TRow | undefined> {
    const client = String(this.#db.client.config.client);
    const locked = client === 'pg' ? query.forUpdate() : query;
    const rows = (await locked.limit(1)) as TRow[];
    return rows[0];
  }

  /**
   * Locks cells for the rest of the transaction on PostgreSQL, one by one in
   * {@link compareIds} order (the one order every writer uses; a database
   * ORDER BY would follow its collation instead), and returns them by id.
   */
  async #lockCells(
    trx: Knex.Transaction,
    ids: string[],
  ): Promise<Map<string, Cell>> {
    const cells = new Map<string, Cell>();
    for (const id of [...new Set(ids)].sort(compareIds)) {
      const row = await this.#lock(trx<CellRow>('cells').where('id', id));
      if (row) cells.set(id, rowToCell(row));
    }
    return cells;
  }

  /**
   * A write transaction, run again when the database aborted it as a
   * deadlock or serialization failure; if it still fails that way, a
   * `ConflictError` asks the caller to retry instead of a server error.
   */
  async #transaction<T>(fn: (trx: Knex.Transaction) => Promise<T>) {
    try {
      return await retryTransaction(this.#db, fn);
    } catch (error) {
      if (isRetryableWriteError(error)) {
        throw new ConflictError(
          'concurrent changes to the same cells kept aborting this write; retry',
        );
      }
      throw error;
    }
  }

  async #insert(
    what: string,
    id: string,
    write: (trx: Knex.Transaction) => Promise<unknown>,
  ): Promise<void> {
    try {
      await this.#transaction(async trx => {
        await write(trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`id: ${what} '${id}' already exists`);
      }
      throw error;
    }
  }

  /**
   * Adds `delta` to a cell's usage. Counters change in one guarded UPDATE so
   * concurrent writers cannot overshoot capacity; quota usage is JSON and
   * changed under the row lock taken here.
   */
  async #changeUsage(
    trx: Knex.Transaction,
    cellId: string,
    delta: {
      tenants: number;
      loadUnits: number;
      quotas: Record<string, number>;
    },
  ): Promise<void> {
    const row = await this.#lock(trx<CellRow>('cells').where('id', cellId));
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
}
