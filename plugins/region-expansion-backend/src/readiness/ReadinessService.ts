import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Footprint,
  FootprintAssessment,
  Location,
  READINESS_CHECKS,
  ReadinessHistoryPage,
  ReadinessLevel,
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
  GovernanceSignalSource,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';
import {
  AssessmentSlot,
  DEFAULT_MAX_CONCURRENT_ASSESSMENTS,
  FootprintAssessor,
} from './FootprintAssessor';
import {
  DEFAULT_FOOTPRINT_ID,
  EvaluationContext,
  ReadinessEstate,
  ReadinessEvaluator,
} from './ReadinessEvaluator';
import {
  ReadinessHistoryQuery,
  ReadinessStore,
  ReadinessWaiverFilter,
} from './ReadinessStore';
import {
  DEFAULT_MAX_INFLATED_BYTES,
  FootprintUpload,
} from './uploadedFootprint';

const DAY_MS = 24 * 60 * 60 * 1000;

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
 * Readiness of locations: evaluates them (judged by a
 * {@link ReadinessEvaluator}: the node library's `composeReadinessSignals`
 * and `evaluateReadiness` over the estate, the governance sources' signals
 * and the unexpired waivers) and stores every evaluation; reads levels and
 * history; grants and revokes waivers; stores the application-plane
 * footprint; assesses an uploaded file without storing it (a
 * {@link FootprintAssessor}, a bounded number at once).
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
  readonly #mapping: ServiceMapping;
  readonly #maxWaiverDays: number;
  readonly #now: () => Date;
  readonly #evaluator: ReadinessEvaluator;
  readonly #assessor: FootprintAssessor;

  /** Creates the service. */
  static create(options: ReadinessServiceOptions): ReadinessService {
    return new ReadinessService(options);
  }

  private constructor(options: ReadinessServiceOptions) {
    this.#store = options.store;
    this.#estate = options.estate;
    this.#logger = options.logger;
    this.#mapping = options.mapping ?? ServiceMapping.default();
    this.#maxWaiverDays = options.maxWaiverDays ?? 180;
    this.#now = options.now ?? (() => new Date());
    const availability =
      options.availability ?? AvailabilityIndex.fromSnapshot();
    this.#evaluator = new ReadinessEvaluator({
      store: options.store,
      estate: options.estate,
      logger: options.logger,
      governanceSources: options.governanceSources ?? [],
      availability: options.availabilitySource ?? (() => availability),
      mapping: this.#mapping,
      capacityWarnRatio: options.capacityWarnRatio ?? 0.8,
      now: this.#now,
    });
    this.#assessor = new FootprintAssessor({
      evaluator: this.#evaluator,
      mapping: this.#mapping,
      maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES,
      maxConcurrent:
        options.maxConcurrentAssessments ?? DEFAULT_MAX_CONCURRENT_ASSESSMENTS,
    });
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
    const context = await this.#evaluator.context(locationId);
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
    const context = await this.#evaluator.context();
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

  async #evaluateAndStore(
    context: EvaluationContext,
    location: Location,
    trigger: ReadinessTrigger,
  ): Promise<StoredReadinessEvaluation> {
    const { evaluation } = await this.#evaluator.evaluate(context, location);
    return this.#store.addEvaluation(evaluation, {
      partition: location.partition,
      trigger,
    });
  }

  /**
   * Takes one of the `maxConcurrentAssessments` slots for an upload, or
   * throws a 429 error (with `retryAfterSeconds`) when all are taken. The
   * router takes it before reading the request body, so waiting bodies do
   * not pile up either.
   */
  reserveAssessment(): AssessmentSlot {
    return this.#assessor.reserve();
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
    return this.#assessor.assess(locationId, upload, profile, slot);
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
