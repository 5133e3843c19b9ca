import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Cell,
  ControlPlane,
  Footprint,
  FootprintAssessment,
  Location,
  READINESS_CHECKS,
  ReadinessBlocker,
  ReadinessEvaluation,
  ReadinessHistoryPage,
  ReadinessLevel,
  ReadinessSignals,
  ReadinessSummary,
  ReadinessTrigger,
  ReadinessWaiver,
  StoredFootprint,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
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
import {
  ReadinessHistoryQuery,
  ReadinessStore,
  ReadinessWaiverFilter,
} from './ReadinessStore';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import {
  DEFAULT_MAX_INFLATED_BYTES,
  FootprintUpload,
  footprintOfUpload,
} from './uploadedFootprint';

/**
 * Default bound of uploads assessed at once in one backend process.
 *
 * @public
 */
export const DEFAULT_MAX_CONCURRENT_ASSESSMENTS = 2;

/**
 * Seconds a caller refused for too many assessments at once is told to wait
 * (`Retry-After`); an assessment takes a second or two.
 *
 * @public
 */
export const ASSESS_RETRY_AFTER_SECONDS = 5;

/**
 * A slot of the bounded concurrent assessments
 * ({@link ReadinessService.reserveAssessment}).
 *
 * @public
 */
export interface AssessmentSlot {
  /** Gives the slot back; calling it again does nothing. */
  release(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Footprint id of the one application plane. */
const DEFAULT_FOOTPRINT_ID = 'default';

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

/**
 * Options of {@link ReadinessService.create}.
 *
 * @public
 */
export interface ReadinessServiceOptions {
  store: ReadinessStore;
  /** Locations, control planes and cells (the region-expansion service). */
  estate: ReadinessEstate;
  logger: LoggerService;
  /**
   * Sources of the security, resilience, audit (and Service Quotas capacity)
   * signals. None: those checks are `unknown`, never `pass`.
   */
  governanceSources?: readonly GovernanceSignalSource[];
  /** Availability data; defaults to the node library's bundled snapshot. */
  availability?: AvailabilityIndex;
  /**
   * Availability read at each evaluation, overriding `availability`: the
   * latest stored live refresh merged over the snapshot, dated with its
   * fetch time, when there is one.
   */
  availabilitySource?: () => Promise<AvailabilityIndex>;
  /** Service mapping; defaults to the bundled table. */
  mapping?: ServiceMapping;
  /** Longest waiver, in days from the time it is granted. Default 180. */
  maxWaiverDays?: number;
  /** Aggregate cell use at which capacity warns. Default 0.8. */
  capacityWarnRatio?: number;
  /**
   * Largest size of an uploaded file after decompression, in bytes
   * (`regionExpansion.assess.maxInflatedSize`). Default 64 MiB.
   */
  maxInflatedBytes?: number;
  /**
   * Uploads assessed at once in this process
   * (`regionExpansion.assess.maxConcurrent`); past it an assessment is
   * refused with 429. Default 2.
   */
  maxConcurrentAssessments?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/**
 * Input of {@link ReadinessService.addWaiver}.
 *
 * @public
 */
export type CreateWaiverInput = ReadinessWaiver;

interface EvaluationContext {
  catalog: LocationCatalog;
  controlPlanes: ControlPlane[];
  cells: Cell[];
  footprint?: Footprint;
  waivers: ReadinessWaiver[];
  availability: AvailabilityIndex;
  now: Date;
}

function toSummary(evaluation: StoredReadinessEvaluation): ReadinessSummary {
  return {
    id: evaluation.id,
    locationId: evaluation.locationId,
    partition: evaluation.partition,
    level: evaluation.level,
    trigger: evaluation.trigger,
    evaluatedAt: evaluation.evaluatedAt,
    blockers: evaluation.blockers,
    openChecks: evaluation.openChecks,
    waivedChecks: READINESS_CHECKS.filter(c => evaluation.signals[c]?.waived),
  };
}

/**
 * Readiness of locations: reads what the estate holds, collects the
 * governance sources' signals, lets the node library compose the typed
 * signals of a location (`composeReadinessSignals`) and decide the level
 * with the unexpired waivers (`evaluateReadiness`), and stores every
 * evaluation.
 *
 * @remarks
 *
 * The availability signal is judged against the latest stored live SSM
 * refresh merged over the snapshot when `availabilitySource` gives one,
 * dated with the fetch time where the refresh read the location completely
 * and the snapshot's date elsewhere. Without governance sources the
 * security, resilience and audit checks are `unknown`, never `pass`.
 *
 * @public
 */
export class ReadinessService {
  readonly #store: ReadinessStore;
  readonly #estate: ReadinessEstate;
  readonly #logger: LoggerService;
  readonly #governance: readonly GovernanceSignalSource[];
  readonly #availability: AvailabilityIndex;
  readonly #availabilitySource?: () => Promise<AvailabilityIndex>;
  readonly #mapping: ServiceMapping;
  readonly #maxWaiverDays: number;
  readonly #capacityWarnRatio: number;
  readonly #now: () => Date;
  readonly #maxInflatedBytes: number;
  readonly #assessments: ConcurrencyLimiter;

  /** Creates the service. */
  static create(options: ReadinessServiceOptions): ReadinessService {
    return new ReadinessService(options);
  }

  private constructor(options: ReadinessServiceOptions) {
    this.#store = options.store;
    this.#estate = options.estate;
    this.#logger = options.logger;
    this.#governance = options.governanceSources ?? [];
    this.#availability =
      options.availability ?? AvailabilityIndex.fromSnapshot();
    this.#availabilitySource = options.availabilitySource;
    this.#mapping = options.mapping ?? ServiceMapping.default();
    this.#maxWaiverDays = options.maxWaiverDays ?? 180;
    this.#capacityWarnRatio = options.capacityWarnRatio ?? 0.8;
    this.#now = options.now ?? (() => new Date());
    this.#maxInflatedBytes =
      options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
    this.#assessments = new ConcurrencyLimiter(
      options.maxConcurrentAssessments ?? DEFAULT_MAX_CONCURRENT_ASSESSMENTS,
    );
  }

  /** Longest waiver in days. */
  get maxWaiverDays(): number {
    return this.#maxWaiverDays;
  }

  // -------------------------------------------------------------- evaluation

  /**
   * Evaluates one location now and stores the evaluation.
   * `NotFoundError` for an unknown location.
   */
  async evaluate(
    locationId: string,
    trigger: ReadinessTrigger,
  ): Promise<StoredReadinessEvaluation> {
    const context = await this.#context(locationId);
    const location = context.catalog.get(locationId);
    if (!location) {
      throw new NotFoundError(`Location '${locationId}' does not exist`);
    }
    return this.#evaluateAndStore(context, location, trigger);
  }

  /**
   * Evaluates every known location and stores each evaluation. With
   * `onlyUnevaluated`, only locations that have no evaluation yet. An
   * aborted `signal` stops the run between two locations (the one being
   * stored is finished): the evaluations stored so far are returned.
   */
  async evaluateAll(
    trigger: ReadinessTrigger,
    options: { onlyUnevaluated?: boolean; signal?: AbortSignal } = {},
  ): Promise<StoredReadinessEvaluation[]> {
    const context = await this.#context();
    const evaluated = options.onlyUnevaluated
      ? new Set(Object.keys(await this.#store.latestLevels()))
      : new Set<string>();
    const results: StoredReadinessEvaluation[] = [];
    const locations = context.catalog
      .locations()
      .filter(l => !evaluated.has(l.id))
      .sort((a, b) => a.id.localeCompare(b.id));
    for (const location of locations) {
      if (options.signal?.aborted) break;
      results.push(await this.#evaluateAndStore(context, location, trigger));
    }
    const counts = results.reduce<Record<string, number>>((acc, r) => {
      acc[r.level] = (acc[r.level] ?? 0) + 1;
      return acc;
    }, {});
    this.#logger.info(
      `Readiness (${trigger}): evaluated ${results.length}${
        results.length < locations.length
          ? ` of ${locations.length} (stopped)`
          : ''
      } locations ${JSON.stringify(counts)}`,
    );
    return results;
  }

  async #context(locationId?: string): Promise<EvaluationContext> {
    const now = this.#now();
    const [catalog, controlPlanes, cells, footprint, waivers, availability] =
      await Promise.all([
        this.#estate.catalog(),
        this.#estate.listControlPlanes({}),
        this.#estate.listCells({}),
        this.#store.getFootprint(DEFAULT_FOOTPRINT_ID),
        this.#store.activeWaivers(now, locationId),
        this.#availabilitySource?.() ?? this.#availability,
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

  async #evaluateAndStore(
    context: EvaluationContext,
    location: Location,
    trigger: ReadinessTrigger,
  ): Promise<StoredReadinessEvaluation> {
    const evaluation = await this.#evaluateLocation(context, location);
    return this.#store.addEvaluation(evaluation, {
      partition: location.partition,
      trigger,
    });
  }

  async #evaluateLocation(
    context: EvaluationContext,
    location: Location,
  ): Promise<ReadinessEvaluation> {
    const { signals, details } = await this.#signalsOf(context, location);
    return evaluateReadiness({
      locationId: location.id,
      signals,
      waivers: context.waivers,
      blockerDetails: details,
      now: context.now,
    });
  }

  /**
   * The typed signals of a location and the structured blockers behind
   * them (the node library's `composeReadinessSignals`, over the
   * governance sources' signals collected here). `profile` states whose
   * data the footprint carries; the stored evaluation uses the default
   * (internal data from the location's country).
   */
  async #signalsOf(
    context: EvaluationContext,
    location: Location,
    profile: AssessmentProfile = {},
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

  /**
   * Takes one of the `maxConcurrentAssessments` slots for an upload, or
   * throws a 429 error (with `retryAfterSeconds`) when all are taken. The
   * router takes it before reading the request body, so waiting bodies do
   * not pile up either.
   */
  reserveAssessment(): AssessmentSlot {
    const release = this.#assessments.tryAcquire();
    if (!release) {
      throw Object.assign(
        new Error(
          `too many assessments at once: at most ${
            this.#assessments.max
          } run at a time on this server; retry in ${ASSESS_RETRY_AFTER_SECONDS} seconds`,
        ),
        {
          name: 'TooManyRequestsError',
          statusCode: 429,
          retryAfterSeconds: ASSESS_RETRY_AFTER_SECONDS,
        },
      );
    }
    return { release };
  }

  /**
   * Assesses one uploaded file against a location: its footprint (built by
   * the node library as the CLI builds it) judged exactly as a stored
   * evaluation judges the application-plane footprint, with the location's
   * governance and capacity signals and active waivers. Nothing is stored.
   * `NotFoundError` for an unknown location, `InputError` for a file that
   * cannot be read completely or passes the inflated-size or work bounds.
   * Runs in a slot of the concurrent assessments: the given one (kept; its
   * owner releases it), else one taken here and released at the end (429
   * when none is free).
   */
  async assessUpload(
    locationId: string,
    upload: FootprintUpload,
    profile: AssessmentProfile = {},
    slot?: AssessmentSlot,
  ): Promise<FootprintAssessment> {
    // Taken before the first await, so calls made together are counted.
    const own = slot ? undefined : this.reserveAssessment();
    try {
      return await this.#assessUpload(locationId, upload, profile);
    } finally {
      own?.release();
    }
  }

  async #assessUpload(
    locationId: string,
    upload: FootprintUpload,
    profile: AssessmentProfile,
  ): Promise<FootprintAssessment> {
    const context = await this.#context(locationId);
    const location = context.catalog.get(locationId);
    if (!location) {
      throw new NotFoundError(`Location '${locationId}' does not exist`);
    }
    const { kind, footprint } = await footprintOfUpload(upload, {
      mapping: this.#mapping,
      maxInflatedBytes: this.#maxInflatedBytes,
    });
    const { signals, details } = await this.#signalsOf(
      { ...context, footprint },
      location,
      profile,
    );
    return {
      locationId: location.id,
      partition: location.partition,
      fileName: upload.fileName,
      kind,
      footprint,
      evaluation: evaluateReadiness({
        locationId: location.id,
        signals,
        waivers: context.waivers,
        blockerDetails: details,
        now: context.now,
      }),
      availabilityGaps: details.filter(d => d.check === 'availability'),
      sovereigntyBlockers: details.filter(d => d.check === 'sovereignty'),
    };
  }

  // ------------------------------------------------------------------- reads

  /** Latest evaluation per location, optionally of one partition or level. */
  async listLatest(filter: {
    partition?: string;
    level?: ReadinessLevel;
  }): Promise<ReadinessSummary[]> {
    if (filter.partition) {
      const catalog = await this.#estate.catalog();
      if (!catalog.partition(filter.partition)) {
        throw new InputError(
          `partition: '${filter.partition}' is not a known partition`,
        );
      }
    }
    return (await this.#store.listLatest(filter)).map(toSummary);
  }

  /** Latest evaluation of a location, with its signals. */
  async getLatest(locationId: string): Promise<StoredReadinessEvaluation> {
    await this.#requireLocation(locationId);
    const latest = await this.#store.getLatest(locationId);
    if (!latest) {
      throw new NotFoundError(
        `Location '${locationId}' has no readiness evaluation yet; POST /readiness/${locationId}/evaluate`,
      );
    }
    return latest;
  }

  /** A page of a location's history with `becameReadyAt`. */
  async getHistory(
    locationId: string,
    query: ReadinessHistoryQuery,
  ): Promise<
    Omit<ReadinessHistoryPage, 'offset' | 'limit' | 'nextCursor'> & {
      nextKey?: string[];
    }
  > {
    await this.#requireLocation(locationId);
    const [page, becameReadyAt, latest] = await Promise.all([
      this.#store.listHistory(locationId, query),
      this.#store.becameReadyAt(locationId),
      this.#store.getLatest(locationId),
    ]);
    return {
      ...page,
      ...(becameReadyAt ? { becameReadyAt } : {}),
      ...(latest ? { currentLevel: latest.level } : {}),
    };
  }

  async #requireLocation(locationId: string): Promise<Location> {
    const location = (await this.#estate.catalog()).get(locationId);
    if (!location) {
      throw new NotFoundError(`Location '${locationId}' does not exist`);
    }
    return location;
  }

  // ----------------------------------------------------------------- waivers

  /** Waivers matching the filter, with their status now. */
  async listWaivers(
    filter: ReadinessWaiverFilter,
  ): Promise<StoredReadinessWaiver[]> {
    return this.#store.listWaivers(filter, this.#now());
  }

  /** A page of waivers matching the filter, newest first (keyset `after`). */
  async pageWaivers(
    filter: ReadinessWaiverFilter,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: StoredReadinessWaiver[]; nextKey?: string[] }> {
    return this.#store.pageWaivers(filter, this.#now(), page);
  }

  /**
   * Grants a waiver and re-evaluates its location. The location must exist,
   * `expiresAt` must lie in the future and at most the configured number of
   * days ahead; a second active waiver for the location and check is a
   * `ConflictError`.
   */
  async addWaiver(
    input: CreateWaiverInput,
    actor: string,
  ): Promise<{
    waiver: StoredReadinessWaiver;
    evaluation: StoredReadinessEvaluation;
  }> {
    const now = this.#now();
    const catalog = await this.#estate.catalog();
    if (!catalog.get(input.locationId)) {
      throw new InputError(
        `locationId: '${input.locationId}' is not a known location`,
      );
    }
    const expires = Date.parse(input.expiresAt);
    if (expires <= now.getTime()) {
      throw new InputError(
        `expiresAt: must be in the future (now is ${now.toISOString()})`,
      );
    }
    const limit = new Date(now.getTime() + this.#maxWaiverDays * DAY_MS);
    if (expires > limit.getTime()) {
      throw new InputError(
        `expiresAt: must be at most ${
          this.#maxWaiverDays
        } days ahead, on or before ${limit.toISOString()}`,
      );
    }
    const waiver = await this.#store.addWaiver(input, {
      createdBy: actor,
      now,
    });
    const evaluation = await this.evaluate(input.locationId, 'waiver');
    return { waiver, evaluation };
  }

  /** Revokes a waiver and re-evaluates its location. */
  async revokeWaiver(
    id: string,
    actor: string,
  ): Promise<{
    waiver: StoredReadinessWaiver;
    evaluation: StoredReadinessEvaluation;
  }> {
    const waiver = await this.#store.revokeWaiver(id, {
      revokedBy: actor,
      now: this.#now(),
    });
    const evaluation = await this.evaluate(waiver.locationId, 'waiver');
    return { waiver, evaluation };
  }

  // --------------------------------------------------------------- footprint

  /** The stored application-plane footprint. */
  async getFootprint(): Promise<StoredFootprint> {
    const stored = await this.#store.getFootprint(DEFAULT_FOOTPRINT_ID);
    if (!stored) {
      throw new NotFoundError(
        'No application-plane footprint stored; PUT /application-plane/footprint',
      );
    }
    return stored;
  }

  /**
   * Stores the application-plane footprint (every service code must be in
   * the service mapping) and re-evaluates every location.
   */
  async putFootprint(
    footprint: Footprint,
    options: { source: string; actor: string },
  ): Promise<{ footprint: StoredFootprint; evaluated: number }> {
    const seen = new Map<string, number>();
    footprint.services.forEach((usage, index) => {
      if (!this.#mapping.byCode(usage.code)) {
        throw new InputError(
          `services.${index}.code: '${usage.code}' is not a known SSM service code`,
        );
      }
      const first = seen.get(usage.code);
      if (first !== undefined) {
        throw new InputError(
          `services.${index}.code: '${usage.code}' repeats services.${first}`,
        );
      }
      seen.set(usage.code, index);
    });
    const stored = await this.#store.putFootprint({
      id: DEFAULT_FOOTPRINT_ID,
      footprint,
      source: options.source,
      updatedBy: options.actor,
      updatedAt: this.#now().toISOString(),
    });
    const evaluations = await this.evaluateAll('footprint');
    return { footprint: stored, evaluated: evaluations.length };
  }

  /** Stores a footprint unless one exists (demo seeding). */
  async seedFootprint(footprint: Footprint, source: string): Promise<boolean> {
    if (await this.#store.getFootprint(DEFAULT_FOOTPRINT_ID)) return false;
    await this.#store.putFootprint({
      id: DEFAULT_FOOTPRINT_ID,
      footprint,
      source,
      updatedBy: 'region-expansion:demo-data',
      updatedAt: this.#now().toISOString(),
    });
    return true;
  }
}
