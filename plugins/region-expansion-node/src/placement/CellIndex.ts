import type {
  Cell,
  CellIsolation,
  CellLifecycle,
  Location,
  PlacementReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
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
import { searchLifecycles } from './demand';
import type { Found, PlacementTenant, SearchOptions } from './placementTypes';
import { readinessAllows, type ReadinessLookup } from './readiness';
import { tenantPartition } from './rules';

/** The cells of one location, grouped by isolation and lifecycle. */
export interface LocationIndex {
  location: Location;
  cellCount: number;
  /** Keyed `${isolation}|${lifecycle}`. */
  groups: Map<string, CellGroup>;
}

/** Which locations of a tenant's partition its residency allows. */
export interface ResidencyScreen {
  /** Locations of the tenant's partition that satisfy its residency. */
  matching: Location[];
  /** Cells-bearing locations of the partition that fail, with the reason. */
  failing: Map<string, string>;
}

function groupKey(isolation: CellIsolation, lifecycle: CellLifecycle): string {
  return `${isolation}|${lifecycle}`;
}

/**
 * The engine's cells with their usage, indexed by location, isolation and
 * lifecycle; within a group the cells that can take a tenant are kept
 * sorted by remaining headroom, so a search looks at a handful of groups
 * and binary-searches each instead of scanning every cell.
 */
export class CellIndex {
  readonly #states = new Map<string, CellState>();
  readonly #byLocation = new Map<string, LocationIndex>();
  readonly #locationsByPartition = new Map<string, Location[]>();
  readonly #residencyCache = new Map<string, ResidencyScreen>();
  readonly #work: SearchWork;
  #size = 0;

  constructor(catalog: LocationCatalog, work: SearchWork) {
    this.#work = work;
    for (const location of catalog.locations()) {
      const list = this.#locationsByPartition.get(location.partition) ?? [];
      list.push(location);
      this.#locationsByPartition.set(location.partition, list);
    }
  }

  /** How many cells the index holds. */
  get size(): number {
    return this.#size;
  }

  /** The state of a cell, or undefined. */
  state(cellId: string): CellState | undefined {
    return this.#states.get(cellId);
  }

  /** Every cell's state. */
  states(): IterableIterator<CellState> {
    return this.#states.values();
  }

  /** Every location that holds cells. */
  locations(): IterableIterator<LocationIndex> {
    return this.#byLocation.values();
  }

  /** How many cells of this isolation are active in a location. */
  activeCells(locationId: string, isolation: CellIsolation): number {
    return (
      this.#byLocation
        .get(locationId)
        ?.groups.get(groupKey(isolation, 'active'))?.cells.length ?? 0
    );
  }

  add(cell: Cell, location: Location): CellState {
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
    this.#size++;
    // Residency screens list only locations with cells as failing; a new
    // location invalidates them.
    if (index.cellCount === 1) this.#residencyCache.clear();
    return state;
  }

  /** Adds (`sign` 1) or removes (`sign` -1) one tenant's demand. */
  apply(state: CellState, demand: Demand, sign: 1 | -1): void {
    const index = this.#byLocation.get(state.cell.locationId)!;
    index.groups
      .get(groupKey(state.isolation, state.lifecycle))!
      .update(state, demand, sign);
  }

  residencyScreen(tenant: PlacementTenant): ResidencyScreen {
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

  /**
   * The locations a tenant may go to, with their readiness level: those of
   * its partition its residency allows (only `onlyLocationId` when set)
   * whose readiness takes it.
   */
  allowedLocations(
    tenant: PlacementTenant,
    search: SearchOptions,
    readiness: ReadinessLookup,
  ): Array<{ location: Location; level: PlacementReadinessLevel }> {
    const allowed = [];
    for (const location of this.residencyScreen(tenant).matching) {
      if (
        search.onlyLocationId !== undefined &&
        location.id !== search.onlyLocationId
      ) {
        continue;
      }
      const level = readiness.levelOf(location.id);
      if (
        readinessAllows(
          level,
          tenant.classification,
          search.allowUnknownReadiness,
        )
      ) {
        allowed.push({ location, level });
      }
    }
    return allowed;
  }

  /**
   * The cell the strategy chooses among those of matching locations that
   * readiness allows and that fit the demand, or undefined.
   */
  search(
    tenant: PlacementTenant,
    demand: Demand,
    search: SearchOptions,
    readiness: ReadinessLookup,
  ): Found | undefined {
    const pack = search.strategy === 'pack';
    const lifecycles = searchLifecycles(search);
    let best: Found | undefined;
    for (const { location, level } of this.allowedLocations(
      tenant,
      search,
      readiness,
    )) {
      const index = this.#byLocation.get(location.id);
      if (!index) continue;
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
}
