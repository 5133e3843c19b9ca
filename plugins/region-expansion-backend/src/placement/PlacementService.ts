import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  CellLifecycle,
  CellSpec,
  CreateTenantInput,
  Footprint,
  MigrationOutcome,
  MigrationRequestInput,
  PlacementOutcome,
  PlacementRecord,
  PlacementRequestInput,
  PlacementStrategy,
  QuotaPlanRequestInput,
  QuotaRequest,
  Runbook,
  RUNBOOK_LIMITS,
  RunbookProgressInput,
  RunbookProgressRecord,
  RunbookRequestInput,
  Tenant,
  WhatIfRequestInput,
  WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assertTenantPinAllowed,
  DomainRuleError,
  LocationCatalog,
  PlacementEngine,
  planMigrationRunbook,
  planQuotas,
  priceRegionOf,
  PriceBook,
  ReadinessLookup,
  unknownReadiness,
} from '@region-expansion/plugin-region-expansion-node';
import { withDomainErrors } from '../errors/domainErrors';
import { EstateService } from '../estate/EstateService';
import { TenantStore } from '../tenants/TenantStore';
import { DEFAULT_CELL_SPEC } from './defaultCellSpec';
import { PlacementStore } from './PlacementStore';
import { RunbookProgressStore } from './RunbookProgressStore';

// The answers of the placement routes, declared once with their schemas in
// the common package.
export type { MigrationOutcome, PlacementOutcome };

/**
 * What placement reads of the estate: the catalog with the stored extra
 * locations, control planes and cells.
 *
 * @public
 */
export type PlacementEstate = Pick<
  EstateService,
  'catalog' | 'listControlPlanes' | 'listCells'
>;

/**
 * Options of {@link PlacementService.create}.
 *
 * @public
 */
export interface PlacementServiceOptions {
  store: PlacementStore;
  estate: PlacementEstate;
  tenants: Pick<TenantStore, 'getTenant' | 'listTenants'>;
  /** Outcomes of executed runbook steps per tenant. */
  runbookProgress: RunbookProgressStore;
  /** Strategy of requests that name none; default `pack`. */
  defaultStrategy?: PlacementStrategy;
  /** Spec of the cell the engine proposes; default {@link DEFAULT_CELL_SPEC}. */
  cellSpec?: CellSpec;
  /** Latest readiness levels; without it every location is `unknown`. */
  readiness?: () => Promise<ReadinessLookup>;
}

/**
 * Placement operations: load the current cells, let the placement engine of
 * the node library decide, and write the decision through the store.
 *
 * @public
 */
export class PlacementService {
  readonly #store: PlacementStore;
  readonly #estate: PlacementEstate;
  readonly #tenants: Pick<TenantStore, 'getTenant' | 'listTenants'>;
  readonly #runbookProgress: RunbookProgressStore;
  readonly #defaultStrategy: PlacementStrategy;
  readonly #cellSpec: CellSpec;
  readonly #readiness: () => Promise<ReadinessLookup>;

  /** Creates the service over the placement store, the estate and the tenants. */
  static create(options: PlacementServiceOptions): PlacementService {
    return new PlacementService(options);
  }

  private constructor(options: PlacementServiceOptions) {
    this.#store = options.store;
    this.#estate = options.estate;
    this.#tenants = options.tenants;
    this.#runbookProgress = options.runbookProgress;
    this.#defaultStrategy = options.defaultStrategy ?? 'pack';
    this.#cellSpec = options.cellSpec ?? DEFAULT_CELL_SPEC;
    this.#readiness = options.readiness ?? (async () => unknownReadiness);
  }

  /** Strategy used when a request names none. */
  get defaultStrategy(): PlacementStrategy {
    return this.#defaultStrategy;
  }

  /** Spec of the new cells the engine proposes when a request names none. */
  get cellSpec(): CellSpec {
    return this.#cellSpec;
  }

  async #engine(
    cells?: Cell[],
    cellSpec: CellSpec = this.#cellSpec,
  ): Promise<PlacementEngine> {
    const catalog = await this.#estate.catalog();
    const controlPlanes = await this.#estate.listControlPlanes({});
    const readiness = await this.#readiness();
    return withDomainErrors(() =>
      PlacementEngine.create({
        catalog,
        controlPlanes,
        cells: cells ?? [],
        cellSpec,
        readiness,
        // One stored cell that breaks a rule must not stop placement for
        // every tenant: the engine leaves it out and says so.
        invalidCells: 'skip',
      }),
    );
  }

  /**
   * Re-checks, inside the writing transaction, what may have changed since
   * the engine decided: the target cell's lifecycle (a cell set to draining
   * meanwhile takes no tenant) and the tenant's pin rules (its residency or
   * tier may have changed). A refusal is a 409: deciding again may succeed.
   */
  #verifyMove(
    catalog: LocationCatalog,
    lifecycles: readonly CellLifecycle[],
  ): (tenant: Tenant, target: Cell) => void {
    return (tenant, target) => {
      if (!lifecycles.includes(target.lifecycle)) {
        throw new ConflictError(
          `cellId: cell '${target.id}' became ${
            target.lifecycle
          } while the placement was decided; only ${lifecycles.join(
            ' or ',
          )} cells take tenants, retry`,
        );
      }
      try {
        assertTenantPinAllowed(
          tenant,
          target,
          catalog.require(target.locationId),
        );
      } catch (error) {
        if (!(error instanceof DomainRuleError)) throw error;
        throw new ConflictError(
          `${error.field}: tenant '${tenant.id}' changed while the placement was decided: ${error.reason}; retry`,
        );
      }
    };
  }

  async #engineWithStoredCells(cellSpec?: CellSpec) {
    return this.#engine(await this.#estate.listCells({}), cellSpec);
  }

  async #tenant(id: string): Promise<Tenant> {
    const tenant = await this.#tenants.getTenant(id);
    if (!tenant) {
      throw new NotFoundError(`Tenant '${id}' does not exist`);
    }
    return tenant;
  }

  /** Throws `InputError` unless the engine's rules accept `tenant` in `cell`. */
  async assertPinAllowed(cell: Cell, tenant: CreateTenantInput | Tenant) {
    this.assertPinAllowedSync(await this.#estate.catalog(), cell, tenant);
  }

  /** Like {@link PlacementService.assertPinAllowed} with a loaded catalog. */
  assertPinAllowedSync(
    catalog: LocationCatalog,
    cell: Cell,
    tenant: CreateTenantInput | Tenant,
    prefix = '',
  ) {
    withDomainErrors(() => {
      const location = catalog.require(cell.locationId);
      assertTenantPinAllowed(tenant, cell, location);
    }, prefix);
  }

  /**
   * Places an unplaced tenant: the engine picks a cell, and usage and history
   * are written in one transaction.
   */
  async place(
    input: PlacementRequestInput,
    actor: string,
  ): Promise<PlacementOutcome> {
    const tenant = await this.#tenant(input.tenantId);
    if (tenant.cellId) {
      throw new ConflictError(
        `tenantId: tenant '${tenant.id}' already lives in cell '${tenant.cellId}'; use a migration`,
      );
    }
    const engine = await this.#engineWithStoredCells();
    const strategy = input.strategy ?? this.#defaultStrategy;
    const decision = withDomainErrors(() =>
      engine.place(tenant, {
        strategy,
        allowUnknownReadiness: input.allowUnknownReadiness,
        allowProvisioning: input.allowProvisioning,
      }),
    );
    if (decision.outcome !== 'placed') {
      return { decision };
    }
    const record = await this.#store.recordPlacement(
      {
        tenantId: tenant.id,
        cellId: decision.cellId,
        reason: decision.reason,
        strategy,
        kind: 'placed',
      },
      {
        actor,
        expectedFromCellId: undefined,
        verify: this.#verifyMove(
          await this.#estate.catalog(),
          input.allowProvisioning ? ['active', 'provisioning'] : ['active'],
        ),
      },
    );
    return { decision, record };
  }

  /**
   * Places many unplaced tenants in memory, one after the other, as the
   * engine decides with the given cells; writes nothing. Returns the tenants
   * with their cells and the engine's reason per placed tenant.
   */
  async placeBatch(
    tenants: Tenant[],
    cells: Cell[],
  ): Promise<{ tenants: Tenant[]; reasons: Map<string, string> }> {
    const engine = await this.#engine(cells);
    const reasons = new Map<string, string>();
    const placed = tenants.map(tenant => {
      const decision = engine.place(tenant, {
        strategy: this.#defaultStrategy,
        commit: true,
      });
      if (decision.outcome !== 'placed') {
        return tenant;
      }
      reasons.set(tenant.id, decision.reason);
      return { ...tenant, cellId: decision.cellId };
    });
    return { tenants: placed, reasons };
  }

  /** Runs the engine over hypothetical tenants; writes nothing. */
  async whatIf(input: WhatIfRequestInput): Promise<WhatIfResult> {
    const engine = await this.#engineWithStoredCells(input.spec);
    return withDomainErrors(() =>
      engine.whatIf(input.profiles, input.spec, {
        strategy: input.strategy ?? this.#defaultStrategy,
      }),
    );
  }

  /**
   * Plans moving a tenant; with `commit` the move is written (usage on both
   * cells and history, one transaction).
   */
  async planMigration(
    input: MigrationRequestInput,
    actor: string,
  ): Promise<MigrationOutcome> {
    const tenant = await this.#tenant(input.tenantId);
    const engine = await this.#engineWithStoredCells();
    const plan = withDomainErrors(() =>
      engine.planMigration(tenant, input.target, {
        strategy: input.strategy ?? this.#defaultStrategy,
      }),
    );
    if (!input.commit || !plan.ok) {
      return { plan };
    }
    const record = await this.#store.recordPlacement(
      {
        tenantId: tenant.id,
        fromCellId: tenant.cellId,
        cellId: plan.cellId,
        reason: plan.reason,
        strategy: 'cellId' in input.target ? 'manual' : input.strategy,
        kind: tenant.cellId ? 'migrated' : 'placed',
      },
      {
        actor,
        expectedFromCellId: tenant.cellId,
        // planMigration takes active cells only.
        verify: this.#verifyMove(await this.#estate.catalog(), ['active']),
      },
    );
    return { plan, record };
  }

  /**
   * Plans a migration runbook over the stored estate; writes nothing. A
   * request that cannot be planned (unknown tenant or cell, a target no
   * cell fits, a forbidden border) is an `InputError` naming the field.
   */
  async planRunbook(
    request: RunbookRequestInput,
    extra: {
      footprint?: Footprint;
      /** Price books of the Regions a runbook copies from. */
      priceBooks?: (regionCodes: string[]) => Promise<PriceBook[]>;
    } = {},
  ): Promise<Runbook> {
    const tenants =
      request.kind === 'evacuate-cell'
        ? // One more than a runbook moves, so an overfull cell is refused.
          (
            await this.#tenants.listTenants({
              cellId: request.cellId,
              offset: 0,
              limit: RUNBOOK_LIMITS.tenants + 1,
            })
          ).items
        : (
            await Promise.all(
              request.tenantIds.map(id => this.#tenants.getTenant(id)),
            )
          ).filter((t): t is Tenant => t !== undefined);
    const catalog = await this.#estate.catalog();
    const controlPlanes = await this.#estate.listControlPlanes({});
    const cells = await this.#estate.listCells({});
    const readiness = await this.#readiness();
    const plan = (priceBooks?: PriceBook[]) =>
      withDomainErrors(() =>
        planMigrationRunbook({
          request,
          tenants,
          cells,
          catalog,
          controlPlanes,
          cellSpec: this.#cellSpec,
          readiness,
          strategy: this.#defaultStrategy,
          footprint: extra.footprint,
          priceBooks,
        }),
      );
    const unpriced = plan();
    if (!extra.priceBooks) return unpriced;
    // The moves name the source Regions; planning again with their prices
    // gives the same moves (same input), now priced.
    const regions = new Set(
      unpriced.moves.map(m => priceRegionOf(catalog.require(m.fromLocationId))),
    );
    return plan(await extra.priceBooks([...regions].sort()));
  }

  /** Records a runbook step's outcome for a tenant (404 when unknown). */
  async recordRunbookProgress(
    tenantId: string,
    progress: RunbookProgressInput,
    actor: string,
  ): Promise<RunbookProgressRecord> {
    await this.#tenant(tenantId);
    return this.#runbookProgress.recordProgress(tenantId, progress, actor);
  }

  /** Runbook steps recorded for a tenant, oldest first. */
  async listRunbookProgress(
    tenantId: string,
  ): Promise<RunbookProgressRecord[]> {
    return this.#runbookProgress.listProgress(tenantId);
  }

  /** Placement history of a tenant, oldest first. */
  async listHistory(tenantId: string): Promise<PlacementRecord[]> {
    return this.#store.listPlacementHistory(tenantId);
  }

  /** Quota increases N cells of a spec need. */
  async planQuotas(input: QuotaPlanRequestInput): Promise<QuotaRequest[]> {
    return planQuotas(input.spec, input.cellCount);
  }
}
