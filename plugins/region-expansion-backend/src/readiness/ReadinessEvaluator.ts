import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Cell,
  ControlPlane,
  Footprint,
  Location,
  ReadinessBlocker,
  ReadinessEvaluation,
  ReadinessSignals,
  ReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AssessmentProfile,
  AvailabilityIndex,
  collectGovernanceSignals,
  composeReadinessSignals,
  evaluateReadiness,
  GovernanceSignalSource,
  LocationCatalog,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';
import { ReadinessStore } from './ReadinessStore';

/** Footprint id of the one application plane. */
export const DEFAULT_FOOTPRINT_ID = 'default';

/**
 * Where the readiness service reads locations, control planes and cells.
 *
 * @public
 */
export interface ReadinessEstate {
  /** Every location: the snapshot's plus the stored Local Zones and Outposts. */
  catalog(): Promise<LocationCatalog>;
  /** Every control plane. */
  listControlPlanes(filter: { partition?: string }): Promise<ControlPlane[]>;
  /** Every cell. */
  listCells(filter: {}): Promise<Cell[]>;
}

/** What one evaluation run reads once and judges every location against. */
export interface EvaluationContext {
  catalog: LocationCatalog;
  controlPlanes: ControlPlane[];
  cells: Cell[];
  footprint?: Footprint;
  waivers: ReadinessWaiver[];
  availability: AvailabilityIndex;
  now: Date;
}

/**
 * Judges locations: reads what the estate holds, collects the governance
 * sources' signals, lets the node library compose the typed signals of a
 * location (`composeReadinessSignals`) and decide the level with the
 * unexpired waivers (`evaluateReadiness`). Stores nothing: the stored
 * evaluations and the what-if of an uploaded file both judge through it.
 */
export class ReadinessEvaluator {
  readonly #store: Pick<ReadinessStore, 'getFootprint' | 'activeWaivers'>;
  readonly #estate: ReadinessEstate;
  readonly #logger: LoggerService;
  readonly #governance: readonly GovernanceSignalSource[];
  readonly #availability: () => Promise<AvailabilityIndex> | AvailabilityIndex;
  readonly #mapping: ServiceMapping;
  readonly #capacityWarnRatio: number;
  readonly #now: () => Date;

  constructor(options: {
    store: Pick<ReadinessStore, 'getFootprint' | 'activeWaivers'>;
    estate: ReadinessEstate;
    logger: LoggerService;
    governanceSources: readonly GovernanceSignalSource[];
    availability: () => Promise<AvailabilityIndex> | AvailabilityIndex;
    mapping: ServiceMapping;
    capacityWarnRatio: number;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#estate = options.estate;
    this.#logger = options.logger;
    this.#governance = options.governanceSources;
    this.#availability = options.availability;
    this.#mapping = options.mapping;
    this.#capacityWarnRatio = options.capacityWarnRatio;
    this.#now = options.now;
  }

  /**
   * Reads, once, what every location is judged against now: the estate,
   * the application-plane footprint, the active waivers (of one location,
   * or all) and the availability data.
   */
  async context(locationId?: string): Promise<EvaluationContext> {
    const now = this.#now();
    const [catalog, controlPlanes, cells, footprint, waivers, availability] =
      await Promise.all([
        this.#estate.catalog(),
        this.#estate.listControlPlanes({}),
        this.#estate.listCells({}),
        this.#store.getFootprint(DEFAULT_FOOTPRINT_ID),
        this.#store.activeWaivers(now, locationId),
        this.#availability(),
      ]);
    return {
      catalog,
      controlPlanes,
      cells,
      footprint: footprint?.footprint,
      waivers,
      availability,
      now,
    };
  }

  /**
   * The level of a location with its blockers, and the structured blockers
   * behind them. `profile` states whose data the footprint carries; the
   * stored evaluation uses the default (internal data from the location's
   * country).
   */
  async evaluate(
    context: EvaluationContext,
    location: Location,
    profile: AssessmentProfile = {},
  ): Promise<{ evaluation: ReadinessEvaluation; details: ReadinessBlocker[] }> {
    const { signals, details } = await this.#signalsOf(
      context,
      location,
      profile,
    );
    const evaluation = evaluateReadiness({
      locationId: location.id,
      signals,
      waivers: context.waivers,
      blockerDetails: details,
      now: context.now,
    });
    return { evaluation, details };
  }

  async #signalsOf(
    context: EvaluationContext,
    location: Location,
    profile: AssessmentProfile,
  ): Promise<{ signals: ReadinessSignals; details: ReadinessBlocker[] }> {
    const governance = await collectGovernanceSignals(
      this.#governance,
      location.id,
    );
    for (const { source, error } of governance.errors) {
      this.#logger.warn(
        `Readiness of ${location.id}: governance source ${source} failed, its checks stay unknown: ${error}`,
      );
    }
    return composeReadinessSignals({
      location,
      catalog: context.catalog,
      footprint: context.footprint,
      availability: context.availability,
      mapping: this.#mapping,
      controlPlanes: context.controlPlanes,
      cells: context.cells,
      governance: governance.signals,
      capacityWarnRatio: this.#capacityWarnRatio,
      profile,
      now: context.now,
    });
  }
}
