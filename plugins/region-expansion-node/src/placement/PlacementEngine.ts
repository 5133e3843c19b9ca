import type {
  Cell,
  CellSpec,
  ControlPlane,
  Location,
  MigrationPlan,
  MigrationTarget,
  PlacementDecision,
  PlacementOptions,
  TenantProfile,
  WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { CellIndex } from './CellIndex';
import type { SearchWork } from './cellState';
import { demandOf } from './demand';
import { placedDecision, unplaceableDecision } from './explanations';
import { checkCellTarget, checkLocationTarget } from './migration';
import type {
  MigrationOptions,
  PlacementContext,
  PlacementEngineOptions,
  PlacementTenant,
  SearchOptions,
  SkippedCell,
  SkippedEntry,
  WhatIfOptions,
} from './placementTypes';
import { unknownReadiness } from './readiness';
import {
  findCellDefinitionViolation,
  findCellUsageViolation,
  type CellRuleViolation,
} from './rules';
import { plannedCell, runWhatIf } from './whatIf';

export type {
  MigrationOptions,
  PlacementEngineOptions,
  PlacementTenant,
  SkippedCell,
  WhatIfOptions,
} from './placementTypes';

/** The first domain rule a cell breaks, or undefined. */
function cellViolation(
  cell: Cell,
  location: Location,
  controlPlanes: Map<string, ControlPlane>,
  catalog: LocationCatalog,
): CellRuleViolation | undefined {
  const controlPlane = controlPlanes.get(cell.controlPlaneId);
  if (!controlPlane) {
    return {
      field: 'controlPlaneId',
      reason: `cell ${cell.id} refers to unknown control plane '${cell.controlPlaneId}'`,
    };
  }
  return (
    findCellDefinitionViolation(
      cell,
      location,
      controlPlane,
      catalog.partition(location.partition),
    ) ?? findCellUsageViolation(cell)
  );
}

/**
 * Places tenants into cells, honouring partition, residency, isolation tier,
 * lifecycle, readiness and headroom in every dimension, and says why.
 *
 * Cells are held in a `CellIndex`, so a decision looks at a handful of
 * groups and binary-searches each instead of scanning every cell. Usage
 * changes only when a call says `commit`.
 *
 * @public
 */
export class PlacementEngine {
  readonly #context: PlacementContext;
  readonly #work: SearchWork;

  private constructor(
    options: PlacementEngineOptions,
    validate: boolean,
    work: SearchWork = { cellsExamined: 0, blocksExamined: 0 },
    skipped: SkippedEntry[] = [],
  ) {
    this.#work = work;
    const index = new CellIndex(options.catalog, work);
    this.#context = {
      catalog: options.catalog,
      index,
      readiness: options.readiness ?? unknownReadiness,
      spec: options.cellSpec,
      controlPlanes: [...options.controlPlanes].sort((a, b) =>
        a.id.localeCompare(b.id),
      ),
      skipped,
    };
    const controlPlanes = new Map(options.controlPlanes.map(c => [c.id, c]));
    const skip = options.invalidCells === 'skip';
    for (const cell of options.cells) {
      if (!validate) {
        index.add(cell, options.catalog.require(cell.locationId));
        continue;
      }
      const location = options.catalog.get(cell.locationId);
      if (!location && !skip) options.catalog.require(cell.locationId);
      const violation = location
        ? cellViolation(cell, location, controlPlanes, options.catalog)
        : {
            field: 'locationId',
            reason: `'${cell.locationId}' is not a known location`,
          };
      if (!violation) {
        index.add(cell, location!);
      } else if (skip) {
        skipped.push({
          cellId: cell.id,
          locationId: cell.locationId,
          field: violation.field,
          reason: violation.reason,
          isolation: cell.isolation,
          location,
        });
      } else {
        throw new DomainRuleError(violation.field, violation.reason);
      }
    }
  }

  /**
   * Builds an engine. Every cell is checked with `assertCellAllowed`, so an
   * engine never holds a cell that breaks a domain rule; a cell that does
   * makes it throw `DomainRuleError` (or `UnknownLocationError`), unless
   * `invalidCells` is `skip`.
   */
  static create(options: PlacementEngineOptions): PlacementEngine {
    return new PlacementEngine(options, true);
  }

  /** Cells left out because they break a domain rule (`invalidCells: skip`). */
  skippedCells(): SkippedCell[] {
    return this.#context.skipped.map(
      ({ cellId, locationId, field, reason }) => ({
        cellId,
        locationId,
        field,
        reason,
      }),
    );
  }

  /**
   * The work the searches of this engine, and of the what-ifs run on its
   * copies, have done so far: cells checked one by one and blocks of cells
   * judged by their summary. For tests and benchmarks: a decision looks at
   * a few cells of a few groups, never at every cell.
   */
  searchWork(): { cellsExamined: number; blocksExamined: number } {
    return { ...this.#work };
  }

  /** The cell with its current (engine) usage, or undefined. */
  cell(cellId: string): Cell | undefined {
    const state = this.#context.index.state(cellId);
    return state ? { ...state.cell, usage: state.usage() } : undefined;
  }

  /** Every cell with its current (engine) usage. */
  cells(): Cell[] {
    return [...this.#context.index.states()].map(s => ({
      ...s.cell,
      usage: s.usage(),
    }));
  }

  /**
   * Decides where a tenant goes. With `commit: true` the chosen cell's usage
   * grows; otherwise the engine is unchanged.
   */
  place(tenant: PlacementTenant, options: PlacementOptions): PlacementDecision {
    const context = this.#context;
    const demand = demandOf(tenant);
    const search: SearchOptions = {
      strategy: options.strategy,
      allowUnknownReadiness: options.allowUnknownReadiness ?? true,
      allowProvisioning: options.allowProvisioning ?? false,
    };
    const found = context.index.search(
      tenant,
      demand,
      search,
      context.readiness,
    );
    if (!found) return unplaceableDecision(context, tenant, demand, search);
    const decision = placedDecision(
      context,
      tenant,
      demand,
      found,
      options.strategy,
    );
    if (options.commit) context.index.apply(found.state, demand, 1);
    return decision;
  }

  /**
   * Frees the usage of a tenant in its current cell (for example when the
   * tenant is deleted). Throws `DomainRuleError` when the cell would go
   * below zero.
   */
  release(tenant: PlacementTenant): void {
    if (!tenant.cellId) return;
    const state = this.#context.index.state(tenant.cellId);
    if (!state) return;
    const demand = demandOf(tenant);
    if (state.usedTenants < 1 || state.usedLoad < demand.loadUnits) {
      throw new DomainRuleError(
        'cellId',
        `cell ${state.id} does not hold tenant ${tenant.id}'s usage`,
      );
    }
    this.#context.index.apply(state, demand, -1);
  }

  /**
   * Runs the tenant profiles through the same placement code on a copy of
   * the engine, creating cells from `spec` where nothing fits. The engine
   * itself is never changed.
   */
  whatIf(
    profiles: TenantProfile[],
    spec: CellSpec,
    options: WhatIfOptions = {},
  ): WhatIfResult {
    const { catalog, controlPlanes, readiness, skipped } = this.#context;
    const copy = new PlacementEngine(
      {
        cells: this.cells(),
        catalog,
        controlPlanes,
        cellSpec: spec,
        readiness,
      },
      false,
      this.#work,
      skipped,
    );
    const index = copy.#context.index;
    return runWhatIf(
      {
        place: (tenant, placeOptions) => copy.place(tenant, placeOptions),
        addPlannedCell: toCreate => {
          const location = catalog.require(toCreate.locationId);
          const cell = plannedCell(toCreate, location, spec, index.size + 1);
          index.add(cell, location);
          return cell;
        },
      },
      profiles,
      spec,
      options,
    );
  }

  /**
   * Checks every placement constraint against a migration target: a named
   * cell (all violations are listed) or the best cell of a location (chosen
   * by `strategy`, the tenant's current cell excluded). With `commit: true`
   * and an ok plan the usage moves from the current cell to the target.
   */
  planMigration(
    tenant: PlacementTenant,
    target: MigrationTarget,
    options: MigrationOptions = {},
  ): MigrationPlan {
    const context = this.#context;
    const demand = demandOf(tenant);
    const search: SearchOptions = {
      strategy: options.strategy ?? 'pack',
      allowUnknownReadiness: options.allowUnknownReadiness ?? true,
      allowProvisioning: options.allowProvisioning ?? false,
      excludeCellId: tenant.cellId,
    };
    const plan =
      'cellId' in target
        ? checkCellTarget(context, tenant, demand, target.cellId, search)
        : checkLocationTarget(
            context,
            tenant,
            demand,
            target.locationId,
            search,
          );
    if (plan.ok && options.commit) {
      const from = tenant.cellId
        ? context.index.state(tenant.cellId)
        : undefined;
      if (from) context.index.apply(from, demand, -1);
      context.index.apply(context.index.state(plan.cellId)!, demand, 1);
    }
    return plan;
  }
}
