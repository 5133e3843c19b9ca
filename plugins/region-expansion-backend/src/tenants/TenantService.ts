import { InputError, NotFoundError } from '@backstage/errors';
import {
  CreateTenantInput,
  PlacementRecord,
  RunbookProgressRecord,
  Tenant,
  TenantImportRow,
  UpdateTenantInput,
} from '@region-expansion/plugin-region-expansion-common';
import { assertCellTakesPin } from '@region-expansion/plugin-region-expansion-node';
import { withConflictErrors, withDomainErrors } from '../errors/domainErrors';
import { EstateService } from '../estate/EstateService';
import { PlacementService } from '../placement/PlacementService';
import { forEachInTurns } from './importRows';
import { TenantPage, TenantQuery, TenantStore } from './TenantStore';

/**
 * The tenants' operations: each checks a tenant's pin against the estate
 * (the cell exists and takes tenants) and the placement rules (partition,
 * residency, tier) before the store writes it, and again on the locked
 * cell inside the write.
 *
 * @public
 */
export class TenantService {
  readonly #store: TenantStore;
  readonly #estate: EstateService;
  readonly #placement: PlacementService;

  /** Creates the service over a store, the estate and placement. */
  static create(options: {
    store: TenantStore;
    estate: EstateService;
    placement: PlacementService;
  }): TenantService {
    return new TenantService(options.store, options.estate, options.placement);
  }

  private constructor(
    store: TenantStore,
    estate: EstateService,
    placement: PlacementService,
  ) {
    this.#store = store;
    this.#estate = estate;
    this.#placement = placement;
  }

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
  async getTenantHistory(id: string): Promise<PlacementRecord[]> {
    await this.getTenant(id);
    return this.#placement.listHistory(id);
  }

  /** Runbook steps recorded for a tenant, oldest first (404 when unknown). */
  async getRunbookProgress(id: string): Promise<RunbookProgressRecord[]> {
    await this.getTenant(id);
    return this.#placement.listRunbookProgress(id);
  }

  /**
   * Creates a tenant. A `cellId` pins it: the cell must take tenants
   * (active or provisioning, so a retired cell stays empty) and the
   * placement engine's rules (partition, residency, tier) accept it.
   */
  async addTenant(input: CreateTenantInput, actor: string): Promise<Tenant> {
    if (input.cellId) {
      const cell = await this.#estate.getCellForPin(input.cellId, 'cellId');
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
    const catalog = await this.#estate.catalog();
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
    const catalog = await this.#estate.catalog();
    const cells = new Map(
      (await this.#estate.listCells({})).map(c => [c.id, structuredClone(c)]),
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
}
