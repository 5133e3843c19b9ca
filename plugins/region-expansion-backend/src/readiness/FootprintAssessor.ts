import { NotFoundError } from '@backstage/errors';
import {
  FootprintAssessment,
  Location,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AssessmentProfile,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { ReadinessEvaluator } from './ReadinessEvaluator';
import { FootprintUpload, footprintOfUpload } from './uploadedFootprint';

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
 * (`ReadinessService.reserveAssessment`).
 *
 * @public
 */
export interface AssessmentSlot {
  /** Gives the slot back; calling it again does nothing. */
  release(): void;
}

/**
 * Judges one uploaded file against a location as a stored evaluation judges
 * the application-plane footprint, and stores nothing; at most a bounded
 * number at once, since each may inflate and walk a large file.
 */
export class FootprintAssessor {
  readonly #evaluator: ReadinessEvaluator;
  readonly #mapping: ServiceMapping;
  readonly #maxInflatedBytes: number;
  readonly #slots: ConcurrencyLimiter;

  constructor(options: {
    evaluator: ReadinessEvaluator;
    mapping: ServiceMapping;
    maxInflatedBytes: number;
    maxConcurrent: number;
  }) {
    this.#evaluator = options.evaluator;
    this.#mapping = options.mapping;
    this.#maxInflatedBytes = options.maxInflatedBytes;
    this.#slots = new ConcurrencyLimiter(options.maxConcurrent);
  }

  /** Takes a slot, or throws a 429 error (with `retryAfterSeconds`). */
  reserve(): AssessmentSlot {
    const release = this.#slots.tryAcquire();
    if (!release) {
      throw Object.assign(
        new Error(
          `too many assessments at once: at most ${
            this.#slots.max
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
   * Assesses the upload in the given slot (kept; its owner releases it), else
   * in one taken here and released at the end (429 when none is free).
   */
  async assess(
    locationId: string,
    upload: FootprintUpload,
    profile: AssessmentProfile,
    slot?: AssessmentSlot,
  ): Promise<FootprintAssessment> {
    // Taken before the first await, so calls made together are counted.
    const own = slot ? undefined : this.reserve();
    try {
      return await this.#assess(locationId, upload, profile);
    } finally {
      own?.release();
    }
  }

  async #assess(
    locationId: string,
    upload: FootprintUpload,
    profile: AssessmentProfile,
  ): Promise<FootprintAssessment> {
    const context = await this.#evaluator.context(locationId);
    const location: Location | undefined = context.catalog.get(locationId);
    if (!location) {
      throw new NotFoundError(`Location '${locationId}' does not exist`);
    }
    const { kind, footprint } = await footprintOfUpload(upload, {
      mapping: this.#mapping,
      maxInflatedBytes: this.#maxInflatedBytes,
    });
    const { evaluation, details } = await this.#evaluator.evaluate(
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
      evaluation,
      availabilityGaps: details.filter(d => d.check === 'availability'),
      sovereigntyBlockers: details.filter(d => d.check === 'sovereignty'),
    };
  }
}
