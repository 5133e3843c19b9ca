import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  canTransition,
  CELL_TRANSITIONS,
  Cell,
  ControlPlane,
  CreateCellInput,
  CreateControlPlaneInput,
  CreateLocationInput,
  Location,
  LocationCellSummary,
  Partition,
  UpdateCellInput,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assertCellAllowed,
  assertControlPlaneAllowed,
  findCellDefinitionViolation,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { withDomainErrors } from '../errors/domainErrors';
import { CellFilter, EstateStore } from './EstateStore';

/**
 * The estate's operations (partitions, locations, control planes, cells):
 * each validates against the domain (location catalog, control-plane and
 * cell rules, lifecycle transitions) and writes through the store.
 *
 * @public
 */
export class EstateService {
  readonly #store: EstateStore;
  readonly #baseCatalog: LocationCatalog;

  /** Creates the service over a store and the bundled location snapshot. */
  static create(options: {
    store: EstateStore;
    catalog?: LocationCatalog;
  }): EstateService {
    return new EstateService(
      options.store,
      options.catalog ?? LocationCatalog.fromSnapshot(),
    );
  }

  private constructor(store: EstateStore, catalog: LocationCatalog) {
    this.#store = store;
    this.#baseCatalog = catalog;
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
   * its partition (nothing crosses a partition), and its mode must suit the
   * partition: the node library's `assertControlPlaneAllowed`, the rule the
   * scaffolder and the CLI apply too.
   */
  async addControlPlane(input: CreateControlPlaneInput): Promise<ControlPlane> {
    const catalog = await this.catalog();
    withDomainErrors(() => assertControlPlaneAllowed(input, catalog));
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

  /** The cell a tenant is to be pinned to; `InputError` on `field` when absent. */
  async getCellForPin(cellId: string, field: string): Promise<Cell> {
    const cell = await this.#store.getCell(cellId);
    if (!cell) {
      throw new InputError(`${field}: cell '${cellId}' does not exist`);
    }
    return cell;
  }
}
