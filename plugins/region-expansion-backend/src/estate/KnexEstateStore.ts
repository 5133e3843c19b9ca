import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  ControlPlane,
  ControlPlaneMode,
  Geography,
  Location,
  LocationCellSummary,
  LocationKind,
} from '@region-expansion/plugin-region-expansion-common';
import { KnexStore } from '../database/KnexStore';
import {
  chunks,
  insertTransaction,
  lockFirst,
  writeTransaction,
} from '../database/writeTransaction';
import { CellRow, cellToRow, rowToCell } from './cellRows';
import { CellChanges, CellFilter, EstateStore } from './EstateStore';

/** Rows per INSERT statement in bulk writes: 17 columns × 500 rows stays far
 * below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const INSERT_CHUNK_SIZE = 500;

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

function rowToLocation(row: LocationRow): Location {
  return {
    id: row.id,
    kind: row.kind as LocationKind,
    partition: row.partition,
    name: row.name,
    country: row.country,
    geography: row.geography as Geography,
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

function locationToRow(location: Location): Omit<LocationRow, 'created_at'> {
  return {
    id: location.id,
    kind: location.kind,
    partition: location.partition,
    name: location.name,
    country: location.country,
    geography: location.geography,
    jurisdictions: JSON.stringify(location.jurisdictions),
    parent_region: location.parentRegion ?? '',
  };
}

function controlPlaneToRow(
  controlPlane: ControlPlane,
): Omit<ControlPlaneRow, 'created_at'> {
  return {
    id: controlPlane.id,
    name: controlPlane.name,
    mode: controlPlane.mode,
    partition: controlPlane.partition,
    home_location: controlPlane.homeLocation,
    managed_locations: JSON.stringify(controlPlane.managedLocations),
  };
}

/** Why a capacity change is refused: each quantity it would put below use. */
function capacityBelowUsage(cell: Cell, capacity: Cell['capacity']): string[] {
  return [
    cell.usage.tenants > capacity.tenants &&
      `capacity.tenants: ${capacity.tenants} is below the ${cell.usage.tenants} tenants in the cell`,
    cell.usage.loadUnits > capacity.loadUnits &&
      `capacity.loadUnits: ${capacity.loadUnits} is below the ${cell.usage.loadUnits} load units in use`,
    ...Object.entries(capacity.quotas).map(
      ([name, max]) =>
        (cell.usage.quotas[name] ?? 0) > max &&
        `capacity.quotas.${name}: ${max} is below the ${cell.usage.quotas[name]} in use`,
    ),
  ].filter((reason): reason is string => Boolean(reason));
}

/**
 * The {@link EstateStore} over the plugin's database (tables `locations`,
 * `control_planes`, `cells`). Every write runs in a transaction; natural-key
 * clashes surface as `ConflictError`.
 *
 * @public
 */
export class KnexEstateStore extends KnexStore implements EstateStore {
  /** The rows of `table` in id order, of one partition when given. */
  async #byId<TRow extends {}>(
    table: string,
    partition?: string,
  ): Promise<TRow[]> {
    const query = this.db<TRow>(table).orderBy('id');
    if (partition) query.where('partition', partition);
    return (await query) as TRow[];
  }

  async listLocations(
    filter: { partition?: string } = {},
  ): Promise<Location[]> {
    const rows = await this.#byId<LocationRow>('locations', filter.partition);
    return rows.map(rowToLocation);
  }

  async addLocation(location: Location): Promise<Location> {
    await this.#insertOne('location', 'locations', locationToRow(location));
    return location;
  }

  async listControlPlanes(
    filter: { partition?: string } = {},
  ): Promise<ControlPlane[]> {
    const rows = await this.#byId<ControlPlaneRow>(
      'control_planes',
      filter.partition,
    );
    return rows.map(rowToControlPlane);
  }

  async getControlPlane(id: string): Promise<ControlPlane | undefined> {
    const row = await this.db<ControlPlaneRow>('control_planes')
      .where('id', id)
      .first();
    return row ? rowToControlPlane(row) : undefined;
  }

  async addControlPlane(controlPlane: ControlPlane): Promise<ControlPlane> {
    await this.#insertOne(
      'control plane',
      'control_planes',
      controlPlaneToRow(controlPlane),
    );
    return controlPlane;
  }

  /**
   * Inserts one row stamped with its creation time; an id already taken is a
   * ConflictError naming `what`.
   */
  async #insertOne(
    what: string,
    table: string,
    row: { id: string } & Record<string, unknown>,
  ): Promise<void> {
    await insertTransaction(this.db, what, row.id, trx =>
      trx(table).insert({ ...row, created_at: new Date().toISOString() }),
    );
  }

  async listCells(filter: CellFilter = {}): Promise<Cell[]> {
    const query = this.db<CellRow>('cells').orderBy('id');
    if (filter.partition) query.where('partition', filter.partition);
    if (filter.locationId) query.where('location_id', filter.locationId);
    if (filter.lifecycle) query.where('lifecycle', filter.lifecycle);
    if (filter.controlPlaneId) {
      query.where('control_plane_id', filter.controlPlaneId);
    }
    return (await query).map(rowToCell);
  }

  async summarizeCellsByLocation(): Promise<LocationCellSummary[]> {
    const rows: Array<Record<string, string | number | null>> = await this.db(
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
        this.db.raw(
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

  async getCell(id: string): Promise<Cell | undefined> {
    const row = await this.db<CellRow>('cells').where('id', id).first();
    return row ? rowToCell(row) : undefined;
  }

  async countCells(): Promise<number> {
    const [{ count }] = await this.db('cells').count({ count: '*' });
    return Number(count);
  }

  async addCells(cells: Cell[]): Promise<Cell[]> {
    const now = new Date().toISOString();
    const rows = cells.map(cell => cellToRow(cell, now));
    const ids = cells.map(c => c.id).join(', ');
    await insertTransaction(this.db, 'cell', ids, async trx => {
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await trx('cells').insert(chunk);
      }
    });
    return cells;
  }

  async updateCell(
    id: string,
    decide: (current: Cell) => CellChanges,
  ): Promise<Cell> {
    return writeTransaction(this.db, async trx => {
      const row = await lockFirst(trx, trx<CellRow>('cells').where('id', id));
      if (!row) {
        throw new NotFoundError(`Cell '${id}' does not exist`);
      }
      const current = rowToCell(row);
      const changes = decide(current);
      const update: Partial<CellRow> = {
        updated_at: new Date().toISOString(),
      };
      if (changes.name !== undefined) update.name = changes.name;
      if (changes.lifecycle !== undefined) update.lifecycle = changes.lifecycle;
      if (changes.specVersion !== undefined) {
        update.spec_version = changes.specVersion;
      }
      if (changes.capacity !== undefined) {
        const below = capacityBelowUsage(current, changes.capacity);
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
}
