import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  canTransition,
  CELL_TRANSITIONS,
  Cell,
  CellSpec,
  ControlPlane,
  CreateCellInput,
  CreateControlPlaneInput,
  CreateLocationInput,
  CreateTenantInput,
  Location,
  LocationCellSummary,
  Partition,
  PlacementStrategy,
  Tenant,
  TenantImportRow,
  UpdateCellInput,
  UpdateTenantInput,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assertCellAllowed,
  assertCellTakesPin,
  assertControlPlaneAllowed,
  findCellDefinitionViolation,
  LocationCatalog,
  ReadinessLookup,
} from '@region-expansion/plugin-region-expansion-node';
import {
  CellFilter,
  RegionExpansionStore,
  TenantPage,
  TenantQuery,
} from '../database/RegionExpansionStore';
import { withConflictErrors, withDomainErrors } from './domainErrors';
import { forEachInTurns } from './importRows';
import { PlacementService } from './PlacementService';

/**
 * Cell spec the placement engine names when it proposes a new cell, unless
 * the service is created with another.
 *
 * @public
 */
export const DEFAULT_CELL_SPEC: CellSpec = {
  version: '2026.1',
  isolation: 'pooled',
  capacity: {
    tenants: 80,
    loadUnits: 600,
    quotas: { dedicatedDataStores: 12 },
  },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrent executions',
      perCell: 3000,
    },
  ],
};

/**
 * The region-expansion backend's operations: each validates against the
 * domain (location catalog, lifecycle rules, placement engine) and writes
 * through the store.
 *
 * @public
 */
export class RegionExpansionService {
  readonly #store: RegionExpansionStore;
  readonly #baseCatalog: LocationCatalog;
  readonly #placement: PlacementService;

  /** Creates the service over a store and the bundled location snapshot. */
  static create(options: {
    store: RegionExpansionStore;
    catalog?: LocationCatalog;
    defaultStrategy?: PlacementStrategy;
    cellSpec?: CellSpec;
    /** Latest readiness levels for placement; default: all `unknown`. */
    readiness?: () => Promise<ReadinessLookup>;
  }): RegionExpansionService {
    return new RegionExpansionService(
      options.store,
      options.catalog ?? LocationCatalog.fromSnapshot(),
      {
        defaultStrategy: options.defaultStrategy ?? 'pack',
        cellSpec: options.cellSpec ?? DEFAULT_CELL_SPEC,
        readiness: options.readiness,
      },
    );
  }

  private constructor(
    store: RegionExpansionStore,
    catalog: LocationCatalog,
    placement: {
      defaultStrategy: PlacementStrategy;
      cellSpec: CellSpec;
      readiness?: () => Promise<ReadinessLookup>;
    },
  ) {
    this.#store = store;
    this.#baseCatalog = catalog;
    this.#placement = new PlacementService(
      store,
      () => this.catalog(),
      placement,
    );
  }

  /** Placement, what-if, migration and quota planning. */
  get placement(): PlacementService {
    return this.#placement;
  }

  /** The snapshot's locations plus the Local Zones and Outposts stored. */
  async catalog(): Promise<LocationCatalog> {
    const extra = await this.#store.listLocations();
    return this.#baseCatalog.withExtraLocations(
      extra.map(({ kind, parentRegion, ...rest }) => ({
        ...rest,
        parentRegion: parentRegion ?? '',
        kind: kind === 'outpost' ? 'outpost' : 'local-zone',
      })),
    );
  }

  // ----------------------------------------------------- partitions/locations

  /** Every partition. */
  async listPartitions(): Promise<Partition[]> {
    return this.#baseCatalog.partitions();
  }

  /** Every location, optionally of one partition (unknown partition: 400). */
  async listLocations(filter: { partition?: string }): Promise<Location[]> {
    const catalog = await this.catalog();
    if (filter.partition && !catalog.partition(filter.partition)) {
      throw new InputError(
        `partition: '${filter.partition}' is not a known partition`,
      );
    }
    return catalog
      .locations()
      .filter(l => !filter.partition || l.partition === filter.partition)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Adds a Local Zone or Outpost after the catalog's rules accept it. */
  async addLocation(input: CreateLocationInput): Promise<Location> {
    const catalog = await this.catalog();
    if (catalog.get(input.id)) {
      throw new ConflictError(`id: location '${input.id}' already exists`);
    }
    const next = withDomainErrors(() => catalog.withExtraLocations([input]));
    return this.#store.addLocation(next.require(input.id));
  }

  // ----------------------------------------------------------- control planes

  /** Every control plane. */
  async listControlPlanes(filter: {
    partition?: string;
  }): Promise<ControlPlane[]> {
    return this.#store.listControlPlanes(filter);
  }

  /**
   * Adds a control plane. Its home and managed locations must be known and in
   * its partition (nothing crosses a partition); a partition that requires
   * its own control plane gets mode `partition`, and only such partitions do.
   */
  async addControlPlane(input: CreateControlPlaneInput): Promise<ControlPlane> {
    const catalog = await this.catalog();
    withDomainErrors(() => assertControlPlaneAllowed(input, catalog));
    const partition = catalog.partition(input.partition)!;
    if (partition.requiresOwnControlPlane && input.mode !== 'partition') {
      throw new InputError(
        `mode: partition '${partition.id}' requires its own control plane, so mode must be 'partition'`,
      );
    }
    if (!partition.requiresOwnControlPlane && input.mode === 'partition') {
      throw new InputError(
        `mode: 'partition' is for separate partitions; '${partition.id}' uses 'global' or 'regional'`,
      );
    }
    return this.#store.addControlPlane(input);
  }

  // -------------------------------------------------------------------- cells

  /** Cells matching the filter. */
  async listCells(filter: CellFilter): Promise<Cell[]> {
    return this.#store.listCells(filter);
  }

  /** Cell and tenant totals per location with cells. */
  async summarizeLocations(): Promise<LocationCellSummary[]> {
    return this.#store.summarizeCellsByLocation();
  }

  /** One cell; `NotFoundError` when absent. */
  async getCell(id: string): Promise<Cell> {
    const cell = await this.#store.getCell(id);
    if (!cell) {
      throw new NotFoundError(`Cell '${id}' does not exist`);
    }
    return cell;
  }

  /**
   * Adds a cell in a known location, managed by a control plane that manages
   * that location. The partition comes from the location.
   */
  async addCell(input: CreateCellInput): Promise<Cell> {
    const catalog = await this.catalog();
    const location = catalog.get(input.locationId);
    if (!location) {
      throw new InputError(
        `locationId: '${input.locationId}' is not a known location`,
      );
    }
    const controlPlane = await this.#store.getControlPlane(
      input.controlPlaneId,
    );
    if (!controlPlane) {
      throw new InputError(
        `controlPlaneId: control plane '${input.controlPlaneId}' does not exist`,
      );
    }
    const cell: Cell = {
      ...input,
      partition: location.partition,
      usage: { tenants: 0, loadUnits: 0, quotas: {} },
    };
    withDomainErrors(() =>
      assertCellAllowed(
        cell,
        location,
        controlPlane,
        catalog.partition(location.partition),
      ),
    );
    await this.#store.addCells([cell]);
    return cell;
  }
  /**
   * Changes a cell. The changed cell must pass the rules of a new one (else
   * 400 naming the field: a dedicated cell keeps room for one tenant). A
   * lifecycle change must be a legal transition (else 409 naming the field
   * and the legal moves); retiring needs an empty cell; capacity below the
   * usage is a 409 from the store.
   */
  async updateCell(id: string, input: UpdateCellInput): Promise<Cell> {
    const catalog = await this.catalog();
    const controlPlanes = new Map(
      (await this.#store.listControlPlanes()).map(c => [c.id, c]),
    );
    return this.#store.updateCell(id, current => {
      const next: Cell = {
        ...current,
        ...input,
        capacity: input.capacity ?? current.capacity,
      };
      const violation = this.#cellViolation(catalog, controlPlanes, next);
      if (violation) {
        throw new InputError(`${violation.field}: ${violation.reason}`);
      }
      if (input.lifecycle && input.lifecycle !== current.lifecycle) {
        if (!canTransition(current.lifecycle, input.lifecycle)) {
          const legal = CELL_TRANSITIONS[current.lifecycle];
          throw new ConflictError(
            `lifecycle: cannot move from '${current.lifecycle}' to '${
              input.lifecycle
            }'; legal: ${legal.length ? legal.join(', ') : 'none (final)'}`,
          );
        }
        if (input.lifecycle === 'retired' && current.usage.tenants > 0) {
          throw new ConflictError(
            `lifecycle: cell '${id}' still has ${current.usage.tenants} tenants; migrate them before retiring`,
          );
        }
      }
      return input;
    });
  }

  /** The first rule a (new or changed) cell breaks, by its field. */
  #cellViolation(
    catalog: LocationCatalog,
    controlPlanes: Map<string, ControlPlane>,
    cell: Cell,
  ): { field: string; reason: string } | undefined {
    const location = catalog.get(cell.locationId);
    if (!location) {
      return {
        field: 'locationId',
        reason: `'${cell.locationId}' is not a known location`,
      };
    }
    const controlPlane = controlPlanes.get(cell.controlPlaneId);
    if (!controlPlane) {
      return {
        field: 'controlPlaneId',
        reason: `control plane '${cell.controlPlaneId}' does not exist`,
      };
    }
    return findCellDefinitionViolation(
      cell,
      location,
      controlPlane,
      catalog.partition(location.partition),
    );
  }

  // ------------------------------------------------------------------ tenants

  /** A page of tenants. */
  async listTenants(query: TenantQuery): Promise<TenantPage> {
    return this.#store.listTenants(query);
  }

  /** One tenant; `NotFoundError` when absent. */
  async getTenant(id: string): Promise<Tenant> {
    const tenant = await this.#store.getTenant(id);
    if (!tenant) {
      throw new NotFoundError(`Tenant '${id}' does not exist`);
    }
    return tenant;
  }

  /** Placement history of a tenant; `NotFoundError` for an unknown tenant. */
  async getTenantHistory(id: string) {
    await this.getTenant(id);
    return this.#store.listPlacementHistory(id);
  }

  /**
   * Creates a tenant. A `cellId` pins it: the cell must take tenants
   * (active or provisioning, so a retired cell stays empty) and the
   * placement engine's rules (partition, residency, tier) accept it.
   */
  async addTenant(input: CreateTenantInput, actor: string): Promise<Tenant> {
    if (input.cellId) {
      const cell = await this.getCellForPin(input.cellId, 'cellId');
      withDomainErrors(() => assertCellTakesPin(cell));
      await this.#placement.assertPinAllowed(cell, input);
    }
    return this.#store.addTenant(input, {
      actor,
      reason: input.cellId
        ? `Pinned to cell ${input.cellId} at creation`
        : 'Created',
      // Again on the locked cell: it may have been retired meanwhile.
      verifyCell: cell => withConflictErrors(() => assertCellTakesPin(cell)),
    });
  }

  /**
   * Changes a tenant. When it lives in a cell, the changed tenant must still
   * be allowed there (residency, tier); usage follows load and quota changes.
   */
  async updateTenant(id: string, input: UpdateTenantInput): Promise<Tenant> {
    const catalog = await this.catalog();
    return this.#store.updateTenant(id, (current, cell) => {
      if (cell) {
        this.#placement.assertPinAllowedSync(catalog, cell, {
          ...current,
          ...input,
        });
      }
      return input;
    });
  }

  /**
   * Imports tenants: every row is validated against the domain first (cell
   * exists and takes tenants, rules accept the pin, capacity holds), errors
   * name the row; then the store writes all rows in one transaction.
   */
  async importTenants(
    rows: TenantImportRow[],
    actor: string,
  ): Promise<{ imported: number; placed: number }> {
    const catalog = await this.catalog();
    const cells = new Map(
      (await this.#store.listCells()).map(c => [c.id, structuredClone(c)]),
    );
    // A chunk of rows per turn of the event loop: 50,000 pinned rows would
    // otherwise hold it for seconds.
    const firstRow = new Map<string, number>();
    await forEachInTurns(rows, (row, index) => {
      if (!row.cellId) return;
      if (!firstRow.has(row.cellId)) firstRow.set(row.cellId, index);
      const cell = cells.get(row.cellId);
      if (!cell) {
        throw new InputError(
          `rows[${index}].cellId: cell '${row.cellId}' does not exist`,
        );
      }
      withDomainErrors(() => assertCellTakesPin(cell), `rows[${index}].`);
      this.#placement.assertPinAllowedSync(
        catalog,
        cell,
        row,
        `rows[${index}].`,
      );
      cell.usage.tenants += 1;
      cell.usage.loadUnits += row.loadUnits;
      if (
        cell.usage.tenants > cell.capacity.tenants ||
        cell.usage.loadUnits > cell.capacity.loadUnits
      ) {
        throw new InputError(
          `rows[${index}].cellId: cell '${cell.id}' is full (capacity ${cell.capacity.tenants} tenants, ${cell.capacity.loadUnits} load units)`,
        );
      }
    });
    // Again on the locked cells, naming each cell's first row: a cell may
    // have been drained or retired meanwhile.
    return this.#store.importTenants(rows, {
      actor,
      verifyCell: cell =>
        withConflictErrors(
          () => assertCellTakesPin(cell),
          `rows[${firstRow.get(cell.id)}].`,
        ),
    });
  }

  async getCellForPin(cellId: string, field: string): Promise<Cell> {
    const cell = await this.#store.getCell(cellId);
    if (!cell) {
      throw new InputError(`${field}: cell '${cellId}' does not exist`);
    }
    return cell;
  }
}
