import {
  BRIDGE_DATA_STORE_QUOTA,
  TIER_CELL_ISOLATION,
  type Cell,
  type CellIsolation,
  type CellLifecycle,
  type CellSpec,
  type CellToCreate,
  type ControlPlane,
  type Location,
  type MigrationPlan,
  type MigrationTarget,
  type MigrationViolation,
  type PlacementConstraint,
  type PlacementDecision,
  type PlacementOptions,
  type PlacementReadinessLevel,
  type PlacementRejection,
  type PlacementStrategy,
  type Tenant,
  type TenantProfile,
  type WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import {
  matchesResidency,
  type LocationCatalog,
} from '../locations/LocationCatalog';
import { CellGroup } from './CellGroup';
import {
  CellState,
  compareHeadroom,
  type Demand,
  type SearchWork,
} from './cellState';
import { planQuotas } from './quotas';
import {
  READINESS_PREFERENCE,
  readinessAllows,
  unknownReadiness,
  type ReadinessLookup,
} from './readiness';
import {
  controlPlaneManages,
  findCellDefinitionViolation,
  findCellUsageViolation,
  tenantPartition,
  type CellRuleViolation,
} from './rules';

/**
 * What a placement needs to know about a tenant (a stored tenant or a
 * what-if profile).
 *
 * @public
 */
export type PlacementTenant = Pick<
  Tenant,
  'id' | 'tier' | 'residency' | 'classification' | 'loadUnits' | 'quotaUsage'
> & { cellId?: string };

/**
 * Inputs of {@link PlacementEngine.create}.
 *
 * @public
 */
export interface PlacementEngineOptions {
  /** Every cell, any lifecycle, with its current usage. */
  cells: Cell[];
  /** Locations, including Local Zones and Outposts that cells use. */
  catalog: LocationCatalog;
  /** Every control plane the cells refer to. */
  controlPlanes: ControlPlane[];
  /** The spec new cells are built from (named in `cellToCreate`). */
  cellSpec: CellSpec;
  /** Readiness levels; defaults to {@link unknownReadiness}. */
  readiness?: ReadinessLookup;
  /**
   * What to do with a cell that breaks a domain rule (see
   * `assertCellAllowed`) or names an unknown location or control plane:
   * `throw` (the default, for cells given as input) or `skip` it, keeping
   * the reason in {@link PlacementEngine.skippedCells} and in the
   * explanation of the decisions it could have changed (for stored cells:
   * one bad row must not stop placement for everyone).
   */
  invalidCells?: 'throw' | 'skip';
}

/**
 * A cell the engine left out because it breaks a domain rule.
 *
 * @public
 */
export interface SkippedCell {
  /** The stored cell left out. */
  cellId: string;
  /** Its location. */
  locationId: string;
  /** The offending field, such as `capacity.tenants`. */
  field: string;
  /** Why the cell breaks the rule. */
  reason: string;
}

/**
 * Options of {@link PlacementEngine.planMigration}.
 *
 * @public
 */
export interface MigrationOptions {
  /** Strategy when the target is a location. Defaults to `pack`. */
  strategy?: PlacementStrategy;
  /** See {@link @region-expansion/plugin-region-expansion-common#PlacementOptions}. */
  allowUnknownReadiness?: boolean;
  /** See {@link @region-expansion/plugin-region-expansion-common#PlacementOptions}. */
  allowProvisioning?: boolean;
  /** Move the usage in the engine when the plan is ok. Defaults to `false`. */
  commit?: boolean;
}

/**
 * Options of {@link PlacementEngine.whatIf}.
 *
 * @public
 */
export interface WhatIfOptions {
  /** Defaults to `pack`. */
  strategy?: PlacementStrategy;
  /** Defaults to `true`. */
  allowUnknownReadiness?: boolean;
  /** Defaults to `false`. */
  allowProvisioning?: boolean;
}

/** A skipped cell with what explanations need to judge its relevance. */
interface SkippedEntry extends SkippedCell {
  isolation: CellIsolation;
  /** Undefined when the cell names an unknown location. */
  location: Location | undefined;
}

interface LocationIndex {
  location: Location;
  cellCount: number;
  /** Keyed `${isolation}|${lifecycle}`. */
  groups: Map<string, CellGroup>;
}

interface ResidencyScreen {
  /** Locations of the tenant's partition that satisfy its residency. */
  matching: Location[];
  /** Cells-bearing locations of the partition that fail, with the reason. */
  failing: Map<string, string>;
}

interface SearchOptions {
  strategy: PlacementStrategy;
  allowUnknownReadiness: boolean;
  allowProvisioning: boolean;
  onlyLocationId?: string;
  excludeCellId?: string;
}

interface Found {
  state: CellState;
  location: Location;
  level: PlacementReadinessLevel;
}

const STRATEGY_WORDS: Record<PlacementStrategy, string> = {
  pack: 'pack (fullest cell that fits)',
  spread: 'spread (emptiest cell)',
};

function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function groupKey(isolation: CellIsolation, lifecycle: CellLifecycle): string {
  return `${isolation}|${lifecycle}`;
}

function demandOf(tenant: PlacementTenant): Demand {
  const quotas = Object.entries(tenant.quotaUsage ?? {});
  // A bridge tenant's own data store lives inside the pooled cell.
  if (tenant.tier === 'bridge') {
    const index = quotas.findIndex(
      ([name]) => name === BRIDGE_DATA_STORE_QUOTA,
    );
    if (index === -1) quotas.push([BRIDGE_DATA_STORE_QUOTA, 1]);
    else quotas[index] = [BRIDGE_DATA_STORE_QUOTA, quotas[index][1] + 1];
  }
  return {
    tier: tenant.tier,
    isolation: TIER_CELL_ISOLATION[tenant.tier],
    loadUnits: tenant.loadUnits,
    quotas,
  };
}

function describeDemand(demand: Demand): string {
  const parts = [
    `1 tenant slot${
      demand.isolation === 'dedicated' ? ' in an empty dedicated cell' : ''
    }`,
    `${formatAmount(demand.loadUnits)} load units`,
    ...demand.quotas.map(([q, a]) => `${formatAmount(a)} ${q}`),
  ];
  return parts.join(', ');
}

/**
 * Places tenants into cells, honouring partition, residency, isolation tier,
 * lifecycle, readiness and headroom in every dimension, and says why.
 *
 * Cells are indexed by location, isolation and lifecycle; within a group the
 * cells that can take a tenant are kept sorted by remaining headroom, so a
 * decision looks at a handful of groups and binary-searches each instead of
 * scanning every cell. Usage changes only when a call says `commit`.
 *
 * @public
 */
export class PlacementEngine {
  readonly #catalog: LocationCatalog;
  readonly #controlPlanes: ControlPlane[];
  readonly #readiness: ReadinessLookup;
  readonly #spec: CellSpec;
  readonly #states = new Map<string, CellState>();
  readonly #byLocation = new Map<string, LocationIndex>();
  readonly #locationsByPartition = new Map<string, Location[]>();
  readonly #cellsByPartition = new Map<string, number>();
  readonly #residencyCache = new Map<string, ResidencyScreen>();
  #totalCells = 0;
  readonly #work: SearchWork;
  readonly #skipped: SkippedEntry[];

  private constructor(
    options: PlacementEngineOptions,
    validate: boolean,
    work: SearchWork = { cellsExamined: 0, blocksExamined: 0 },
    skipped: SkippedEntry[] = [],
  ) {
    this.#work = work;
    this.#skipped = skipped;
    this.#catalog = options.catalog;
    this.#controlPlanes = [...options.controlPlanes].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    this.#readiness = options.readiness ?? unknownReadiness;
    this.#spec = options.cellSpec;
    for (const location of options.catalog.locations()) {
      const list = this.#locationsByPartition.get(location.partition) ?? [];
      list.push(location);
      this.#locationsByPartition.set(location.partition, list);
    }
    const controlPlanes = new Map(options.controlPlanes.map(c => [c.id, c]));
    const skip = options.invalidCells === 'skip';
    for (const cell of options.cells) {
      if (!validate) {
        this.#addCell(cell, options.catalog.require(cell.locationId));
        continue;
      }
      const location = options.catalog.get(cell.locationId);
      if (!location && !skip) options.catalog.require(cell.locationId);
      const violation = location
        ? PlacementEngine.#violation(
            cell,
            location,
            controlPlanes,
            options.catalog,
          )
        : {
            field: 'locationId',
            reason: `'${cell.locationId}' is not a known location`,
          };
      if (!violation) {
        this.#addCell(cell, location!);
      } else if (skip) {
        this.#skipped.push({
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

  static #violation(
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
    return this.#skipped.map(({ cellId, locationId, field, reason }) => ({
      cellId,
      locationId,
      field,
      reason,
    }));
  }

  /**
   * A sentence naming the skipped cells that could have taken the tenant
   * (its partition, residency and isolation), or undefined when none.
   */
  #skippedNote(
    tenant: PlacementTenant,
    demand: Demand,
    onlyLocationId?: string,
  ): string | undefined {
    const partition = tenantPartition(tenant);
    const relevant = this.#skipped.filter(
      s =>
        s.location !== undefined &&
        s.location.partition === partition &&
        s.isolation === demand.isolation &&
        (onlyLocationId === undefined || s.locationId === onlyLocationId) &&
        matchesResidency(s.location, tenant.residency).ok,
    );
    if (relevant.length === 0) return undefined;
    const named = relevant
      .slice(0, 3)
      .map(s => `cell ${s.cellId} (${s.field}: ${s.reason})`)
      .join('; ');
    const more = relevant.length > 3 ? ` and ${relevant.length - 3} more` : '';
    return `Left out of placement because their stored data breaks a rule: ${named}${more}.`;
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
    const state = this.#states.get(cellId);
    return state ? { ...state.cell, usage: state.usage() } : undefined;
  }

  /** Every cell with its current (engine) usage. */
  cells(): Cell[] {
    return [...this.#states.values()].map(s => ({
      ...s.cell,
      usage: s.usage(),
    }));
  }

  /**
   * Decides where a tenant goes. With `commit: true` the chosen cell's usage
   * grows; otherwise the engine is unchanged.
   */
  place(tenant: PlacementTenant, options: PlacementOptions): PlacementDecision {
    const demand = demandOf(tenant);
    const search: SearchOptions = {
      strategy: options.strategy,
      allowUnknownReadiness: options.allowUnknownReadiness ?? true,
      allowProvisioning: options.allowProvisioning ?? false,
    };
    const found = this.#search(tenant, demand, search);
    if (!found) return this.#unplaceable(tenant, demand, search);
    const decision = this.#placed(tenant, demand, found, options.strategy);
    if (options.commit) this.#apply(found.state, demand, 1);
    return decision;
  }

  /**
   * Frees the usage of a tenant in its current cell (for example when the
   * tenant is deleted). Throws `DomainRuleError` when the cell would go
   * below zero.
   */
  release(tenant: PlacementTenant): void {
    if (!tenant.cellId) return;
    const state = this.#states.get(tenant.cellId);
    if (!state) return;
    const demand = demandOf(tenant);
    if (state.usedTenants < 1 || state.usedLoad < demand.loadUnits) {
      throw new DomainRuleError(
        'cellId',
        `cell ${state.id} does not hold tenant ${tenant.id}'s usage`,
      );
    }
    this.#apply(state, demand, -1);
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
    const copy = new PlacementEngine(
      {
        cells: this.cells(),
        catalog: this.#catalog,
        controlPlanes: this.#controlPlanes,
        cellSpec: spec,
        readiness: this.#readiness,
      },
      false,
      this.#work,
      this.#skipped,
    );
    const placeOptions: PlacementOptions = {
      strategy: options.strategy ?? 'pack',
      allowUnknownReadiness: options.allowUnknownReadiness ?? true,
      allowProvisioning: options.allowProvisioning ?? false,
      commit: true,
    };
    const newCellIds = new Set<string>();
    const cellsToCreate = new Map<
      string,
      { locationId: string; isolation: CellIsolation; count: number }
    >();
    const unplaceableReasons = new Set<string>();
    let requested = 0;
    let placedInExistingCells = 0;
    let placedInNewCells = 0;
    let unplaceable = 0;

    profiles.forEach((profile, profileIndex) => {
      for (let i = 0; i < profile.count; i++) {
        requested++;
        const tenant: PlacementTenant = {
          id: `what-if-${profileIndex}-${i}`,
          tier: profile.tier,
          residency: profile.residency,
          classification: profile.classification,
          loadUnits: profile.loadUnits,
          quotaUsage: profile.quotaUsage,
        };
        let decision = copy.place(tenant, placeOptions);
        if (decision.outcome === 'unplaceable' && decision.cellToCreate) {
          const created = copy.#addPlannedCell(decision.cellToCreate);
          newCellIds.add(created.id);
          const key = `${created.locationId}|${created.isolation}`;
          const entry = cellsToCreate.get(key) ?? {
            locationId: created.locationId,
            isolation: created.isolation,
            count: 0,
          };
          entry.count++;
          cellsToCreate.set(key, entry);
          decision = copy.place(tenant, placeOptions);
        }
        if (decision.outcome === 'placed') {
          if (newCellIds.has(decision.cellId)) placedInNewCells++;
          else placedInExistingCells++;
        } else {
          unplaceable++;
          unplaceableReasons.add(
            `profile ${profileIndex}: ${decision.reason}`.replace(
              /tenant what-if-\d+-\d+/,
              'tenant',
            ),
          );
        }
      }
    });

    const toCreate = [...cellsToCreate.values()].sort(
      (a, b) =>
        a.locationId.localeCompare(b.locationId) ||
        a.isolation.localeCompare(b.isolation),
    );
    return {
      requested,
      placedInExistingCells,
      placedInNewCells,
      unplaceable: { count: unplaceable, reasons: [...unplaceableReasons] },
      cellsToCreate: toCreate,
      quotaRequests: planQuotas(spec, newCellIds.size),
    };
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
    const demand = demandOf(tenant);
    const search: SearchOptions = {
      strategy: options.strategy ?? 'pack',
      allowUnknownReadiness: options.allowUnknownReadiness ?? true,
      allowProvisioning: options.allowProvisioning ?? false,
      excludeCellId: tenant.cellId,
    };
    const plan =
      'cellId' in target
        ? this.#checkCellTarget(tenant, demand, target.cellId, search)
        : this.#checkLocationTarget(tenant, demand, target.locationId, search);
    if (plan.ok && options.commit) {
      const from = tenant.cellId ? this.#states.get(tenant.cellId) : undefined;
      if (from) this.#apply(from, demand, -1);
      this.#apply(this.#states.get(plan.cellId)!, demand, 1);
    }
    return plan;
  }

  #checkCellTarget(
    tenant: PlacementTenant,
    demand: Demand,
    cellId: string,
    search: SearchOptions,
  ): MigrationPlan {
    const state = this.#states.get(cellId);
    if (!state) {
      const skipped = this.#skipped.find(s => s.cellId === cellId);
      return {
        ok: false,
        violations: [
          {
            constraint: 'target',
            detail: skipped
              ? `cell ${cellId} is left out of placement because its stored data breaks a rule (${skipped.field}: ${skipped.reason})`
              : `cell ${cellId} does not exist`,
          },
        ],
      };
    }
    if (tenant.cellId === cellId) {
      return {
        ok: false,
        violations: [
          {
            constraint: 'target',
            detail: `tenant ${tenant.id} already lives in cell ${cellId}`,
          },
        ],
      };
    }
    const location = this.#catalog.require(state.cell.locationId);
    const partition = tenantPartition(tenant);
    const violations: MigrationViolation[] = [];
    if (location.partition !== partition) {
      violations.push({
        constraint: 'partition',
        detail: `cell ${cellId} is in partition ${location.partition}, the tenant must live in ${partition}`,
      });
    }
    const residency = matchesResidency(location, tenant.residency);
    if (!residency.ok) {
      violations.push({ constraint: 'residency', detail: residency.reason });
    }
    if (state.isolation !== demand.isolation) {
      violations.push({
        constraint: 'tier',
        detail: `cell ${cellId} is ${state.isolation}; a ${demand.tier} tenant needs a ${demand.isolation} cell`,
      });
    }
    if (!this.#lifecycles(search).includes(state.lifecycle)) {
      violations.push({
        constraint: 'lifecycle',
        detail: `cell ${cellId} is ${state.lifecycle}; only ${this.#lifecycles(
          search,
        ).join(' or ')} cells take tenants`,
      });
    }
    const level = this.#readiness.levelOf(location.id);
    if (
      !readinessAllows(
        level,
        tenant.classification,
        search.allowUnknownReadiness,
      )
    ) {
      violations.push({
        constraint: 'readiness',
        detail: this.#readinessRefusal(location.id, level, tenant),
      });
    }
    if (!state.fits(demand)) {
      violations.push({
        constraint: 'headroom',
        detail: `cell ${cellId} has ${
          state.remainingTenants
        } tenant slots and ${formatAmount(
          state.remainingLoad,
        )} load units left; the tenant needs ${describeDemand(demand)}`,
      });
    }
    if (violations.length > 0) return { ok: false, violations };
    return {
      ok: true,
      cellId,
      reason: `Cell ${state.cell.name} (${cellId}) in ${location.name} (${
        location.id
      }) satisfies partition, residency, tier, lifecycle and readiness (${level}) and has headroom for ${describeDemand(
        demand,
      )}.`,
    };
  }

  #checkLocationTarget(
    tenant: PlacementTenant,
    demand: Demand,
    locationId: string,
    search: SearchOptions,
  ): MigrationPlan {
    const location = this.#catalog.get(locationId);
    if (!location) {
      return {
        ok: false,
        violations: [
          {
            constraint: 'target',
            detail: `location ${locationId} does not exist`,
          },
        ],
      };
    }
    const partition = tenantPartition(tenant);
    const violations: MigrationViolation[] = [];
    if (location.partition !== partition) {
      violations.push({
        constraint: 'partition',
        detail: `${locationId} is in partition ${location.partition}, the tenant must live in ${partition}`,
      });
    }
    const residency = matchesResidency(location, tenant.residency);
    if (!residency.ok) {
      violations.push({ constraint: 'residency', detail: residency.reason });
    }
    if (violations.length > 0) return { ok: false, violations };
    const scoped = { ...search, onlyLocationId: locationId };
    const found = this.#search(tenant, demand, scoped);
    if (found) {
      return {
        ok: true,
        cellId: found.state.id,
        reason: this.#placed(tenant, demand, found, search.strategy).reason,
      };
    }
    const unplaceable = this.#unplaceable(tenant, demand, scoped);
    return {
      ok: false,
      violations:
        unplaceable.outcome === 'unplaceable' &&
        unplaceable.rejections.length > 0
          ? unplaceable.rejections.map(r => ({
              constraint: r.constraint,
              detail: r.detail,
            }))
          : [
              {
                constraint: 'target',
                detail: `location ${locationId} has no cells`,
              },
            ],
    };
  }

  #addCell(cell: Cell, location: Location): CellState {
    const state = new CellState(cell);
    this.#states.set(cell.id, state);
    let index = this.#byLocation.get(location.id);
    if (!index) {
      index = { location, cellCount: 0, groups: new Map() };
      this.#byLocation.set(location.id, index);
    }
    const key = groupKey(cell.isolation, cell.lifecycle);
    let group = index.groups.get(key);
    if (!group) {
      group = new CellGroup(
        location.id,
        cell.isolation,
        cell.lifecycle,
        this.#work,
      );
      index.groups.set(key, group);
    }
    group.add(state);
    index.cellCount++;
    this.#totalCells++;
    this.#cellsByPartition.set(
      location.partition,
      (this.#cellsByPartition.get(location.partition) ?? 0) + 1,
    );
    // Residency screens list only locations with cells as failing; a new
    // location invalidates them.
    if (index.cellCount === 1) this.#residencyCache.clear();
    return state;
  }

  /** Adds an active cell built from the spec (what-if only). */
  #addPlannedCell(toCreate: CellToCreate): Cell {
    const location = this.#catalog.require(toCreate.locationId);
    const capacity = {
      ...this.#spec.capacity,
      // A dedicated cell belongs to exactly one tenant.
      tenants:
        toCreate.isolation === 'dedicated' ? 1 : this.#spec.capacity.tenants,
    };
    const cell: Cell = {
      id: `what-if-${toCreate.locationId}-${toCreate.isolation}-${
        this.#totalCells + 1
      }`,
      name: `new ${toCreate.isolation} cell in ${location.id}`,
      locationId: location.id,
      partition: location.partition,
      controlPlaneId: toCreate.controlPlaneId ?? '',
      lifecycle: 'active',
      isolation: toCreate.isolation,
      accountId: '000000000000',
      specVersion: toCreate.specVersion,
      capacity,
      usage: { tenants: 0, loadUnits: 0, quotas: {} },
    };
    this.#addCell(cell, location);
    return cell;
  }

  #apply(state: CellState, demand: Demand, sign: 1 | -1): void {
    const index = this.#byLocation.get(state.cell.locationId)!;
    index.groups
      .get(groupKey(state.isolation, state.lifecycle))!
      .update(state, demand, sign);
  }

  #lifecycles(search: SearchOptions): CellLifecycle[] {
    return search.allowProvisioning ? ['active', 'provisioning'] : ['active'];
  }

  #residencyScreen(tenant: PlacementTenant): ResidencyScreen {
    const partition = tenantPartition(tenant);
    const { countries, jurisdictions } = tenant.residency;
    const key = `${partition}|${countries?.join(',') ?? '*'}|${
      jurisdictions?.join(',') ?? '*'
    }`;
    let screen = this.#residencyCache.get(key);
    if (!screen) {
      screen = { matching: [], failing: new Map() };
      for (const location of this.#locationsByPartition.get(partition) ?? []) {
        const match = matchesResidency(location, tenant.residency);
        if (match.ok) screen.matching.push(location);
        else if (this.#byLocation.has(location.id)) {
          screen.failing.set(location.id, match.reason);
        }
      }
      this.#residencyCache.set(key, screen);
    }
    return screen;
  }

  #search(
    tenant: PlacementTenant,
    demand: Demand,
    search: SearchOptions,
  ): Found | undefined {
    const pack = search.strategy === 'pack';
    const lifecycles = this.#lifecycles(search);
    let best: Found | undefined;
    for (const location of this.#residencyScreen(tenant).matching) {
      if (
        search.onlyLocationId !== undefined &&
        location.id !== search.onlyLocationId
      ) {
        continue;
      }
      const index = this.#byLocation.get(location.id);
      if (!index) continue;
      const level = this.#readiness.levelOf(location.id);
      if (
        !readinessAllows(
          level,
          tenant.classification,
          search.allowUnknownReadiness,
        )
      ) {
        continue;
      }
      for (const lifecycle of lifecycles) {
        const group = index.groups.get(groupKey(demand.isolation, lifecycle));
        if (!group) continue;
        const candidate = pack
          ? group.smallestFit(demand, search.excludeCellId)
          : group.largestFit(demand, search.excludeCellId);
        if (
          candidate &&
          (!best ||
            (pack
              ? compareHeadroom(candidate, best.state) < 0
              : compareHeadroom(candidate, best.state) > 0))
        ) {
          best = { state: candidate, location, level };
        }
      }
    }
    return best;
  }

  #placed(
    tenant: PlacementTenant,
    demand: Demand,
    found: Found,
    strategy: PlacementStrategy,
  ): PlacementDecision {
    const { state, location, level } = found;
    const warnings: string[] = [];
    if (level === 'unknown') {
      warnings.push(
        `Readiness of ${location.id} is unknown: no readiness evaluation exists, so it was not treated as ready.`,
      );
    } else if (level === 'pilot') {
      warnings.push(
        `${location.id} is at pilot readiness: not every check passes.`,
      );
    }
    if (state.lifecycle !== 'active') {
      warnings.push(`Cell ${state.id} is still ${state.lifecycle}.`);
    }
    const skipped = this.#skippedNote(tenant, demand);
    if (skipped) warnings.push(skipped);
    const tenantsLeft = state.remainingTenants - 1;
    const loadLeft = state.remainingLoad - demand.loadUnits;
    return {
      outcome: 'placed',
      cellId: state.id,
      locationId: location.id,
      readiness: level,
      reason:
        `Placed ${tenant.tier} tenant ${tenant.id} in ${state.isolation} cell ${state.cell.name} (${state.id}) ` +
        `in ${location.name} (${location.id}, readiness ${level}) by ${STRATEGY_WORDS[strategy]}; ` +
        `headroom after placement: ${tenantsLeft} tenant slots, ${formatAmount(
          loadLeft,
        )} load units.`,
      warnings,
    };
  }

  #readinessRefusal(
    locationId: string,
    level: PlacementReadinessLevel,
    tenant: PlacementTenant,
  ): string {
    if (level === 'blocked') return `${locationId} is blocked`;
    if (tenant.classification === 'restricted') {
      return `${locationId} is ${level}; restricted data goes only to ready locations`;
    }
    return `${locationId} readiness is unknown and unknown readiness was not allowed`;
  }

  #unplaceable(
    tenant: PlacementTenant,
    demand: Demand,
    search: SearchOptions,
  ): PlacementDecision {
    const partition = tenantPartition(tenant);
    const screen = this.#residencyScreen(tenant);
    const lifecycles = this.#lifecycles(search);
    const counts: Record<PlacementConstraint, number> = {
      partition: 0,
      residency: 0,
      tier: 0,
      lifecycle: 0,
      readiness: 0,
      headroom: 0,
    };
    const residencyReasons: string[] = [];
    const readinessReasons: string[] = [];
    for (const index of this.#byLocation.values()) {
      const location = index.location;
      if (
        search.onlyLocationId !== undefined &&
        location.id !== search.onlyLocationId
      ) {
        continue;
      }
      if (location.partition !== partition) {
        counts.partition += index.cellCount;
        continue;
      }
      const failing = screen.failing.get(location.id);
      if (failing !== undefined) {
        counts.residency += index.cellCount;
        residencyReasons.push(failing);
        continue;
      }
      const level = this.#readiness.levelOf(location.id);
      const ready = readinessAllows(
        level,
        tenant.classification,
        search.allowUnknownReadiness,
      );
      let refusedForReadiness = false;
      for (const group of index.groups.values()) {
        const size = group.cells.length;
        if (group.isolation !== demand.isolation) counts.tier += size;
        else if (!lifecycles.includes(group.lifecycle))
          counts.lifecycle += size;
        else if (!ready) {
          counts.readiness += size;
          refusedForReadiness = true;
        } else counts.headroom += size;
      }
      if (refusedForReadiness) {
        readinessReasons.push(
          this.#readinessRefusal(location.id, level, tenant),
        );
      }
    }
    const otherIsolation: CellIsolation =
      demand.isolation === 'pooled' ? 'dedicated' : 'pooled';
    const details: Record<PlacementConstraint, string> = {
      partition: `cells outside partition ${partition}${
        tenant.residency.partition === undefined
          ? ' (a tenant without a stated partition lives in aws)'
          : ''
      }`,
      residency: `cells in locations that fail the residency requirement: ${residencyReasons
        .slice(0, 3)
        .join('; ')}`,
      tier: `${otherIsolation} cells; a ${demand.tier} tenant needs ${demand.isolation} cells`,
      lifecycle: `cells that are not ${lifecycles.join(' or ')}`,
      readiness: `cells in locations whose readiness refuses the tenant: ${readinessReasons
        .slice(0, 3)
        .join('; ')}`,
      headroom: `eligible cells without headroom for ${describeDemand(demand)}`,
    };
    const rejections: PlacementRejection[] = (
      Object.keys(counts) as PlacementConstraint[]
    )
      .filter(constraint => counts[constraint] > 0)
      .map(constraint => ({
        constraint,
        cellsRuledOut: counts[constraint],
        detail: `${counts[constraint]} ${details[constraint]}`,
      }));
    const cellToCreate = this.#cellToCreate(tenant, demand, screen, search);
    const considered = rejections.reduce((sum, r) => sum + r.cellsRuledOut, 0);
    const summary =
      considered === 0
        ? `No cell exists for tenant ${tenant.id} in partition ${partition}`
        : `No cell can take tenant ${tenant.id}: ${rejections
            .map(r => `${r.constraint} ruled out ${r.cellsRuledOut}`)
            .join(', ')}`;
    const skipped = this.#skippedNote(tenant, demand, search.onlyLocationId);
    return {
      outcome: 'unplaceable',
      reason: `${summary}. ${
        cellToCreate
          ? cellToCreate.reason
          : this.#noNewCellReason(demand, screen)
      }${skipped ? ` ${skipped}` : ''}`,
      rejections,
      ...(cellToCreate ? { cellToCreate } : {}),
    };
  }

  #specFits(demand: Demand): boolean {
    const capacity = this.#spec.capacity;
    if (capacity.tenants < 1 || capacity.loadUnits < demand.loadUnits)
      return false;
    return demand.quotas.every(([quota, amount]) => {
      const limit = capacity.quotas[quota];
      return limit === undefined || limit >= amount;
    });
  }

  #noNewCellReason(demand: Demand, screen: ResidencyScreen): string {
    if (screen.matching.length === 0) {
      return 'No location in the partition satisfies the residency requirement, so no new cell would help.';
    }
    if (!this.#specFits(demand)) {
      return `The tenant needs ${describeDemand(
        demand,
      )}, more than one cell of spec ${
        this.#spec.version
      } offers, so no new cell would help.`;
    }
    return 'Every location that satisfies the residency requirement is refused by readiness, so no new cell would help.';
  }

  #cellToCreate(
    tenant: PlacementTenant,
    demand: Demand,
    screen: ResidencyScreen,
    search: SearchOptions,
  ): CellToCreate | undefined {
    if (!this.#specFits(demand)) return undefined;
    let best:
      | { location: Location; level: PlacementReadinessLevel; existing: number }
      | undefined;
    for (const location of screen.matching) {
      if (
        search.onlyLocationId !== undefined &&
        location.id !== search.onlyLocationId
      ) {
        continue;
      }
      const level = this.#readiness.levelOf(location.id);
      if (
        !readinessAllows(
          level,
          tenant.classification,
          search.allowUnknownReadiness,
        )
      ) {
        continue;
      }
      const existing =
        this.#byLocation
          .get(location.id)
          ?.groups.get(groupKey(demand.isolation, 'active'))?.cells.length ?? 0;
      // Prefer the readiest location, then one that already runs such cells
      // (accounts, quotas and operations exist there), then the id.
      const better =
        !best ||
        READINESS_PREFERENCE[level] - READINESS_PREFERENCE[best.level] ||
        best.existing - existing ||
        location.id.localeCompare(best.location.id);
      if (better === true || (typeof better === 'number' && better < 0)) {
        best = { location, level, existing };
      }
    }
    if (!best) return undefined;
    const { location, level, existing } = best;
    const controlPlane = this.#controlPlanes.find(
      cp =>
        cp.partition === location.partition &&
        controlPlaneManages(cp, location),
    );
    const where = `${location.name} (${location.id})`;
    const alreadyRuns =
      existing > 0
        ? `, and it already runs ${existing} active ${demand.isolation} cells`
        : '';
    const management = controlPlane
      ? `control plane ${controlPlane.id} manages it.`
      : `no control plane in partition ${location.partition} manages it yet, so create or extend one first.`;
    const why = `Create a ${demand.isolation} cell of spec ${
      this.#spec.version
    } in ${where}: it satisfies the tenant's partition and residency, its readiness is ${level}${alreadyRuns}; ${management}`;
    return {
      locationId: location.id,
      isolation: demand.isolation,
      specVersion: this.#spec.version,
      ...(controlPlane ? { controlPlaneId: controlPlane.id } : {}),
      reason: why,
    };
  }
}
