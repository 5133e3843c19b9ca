import {
  ReadinessCheck,
  ReadinessEvaluation,
  ReadinessHistoryItem,
  ReadinessLevel,
  ReadinessTrigger,
  ReadinessWaiver,
  ReadinessWaiverStatus,
  StoredFootprint,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { ReadinessLookup } from '@region-expansion/plugin-region-expansion-node';

/**
 * Query of {@link ReadinessStore.listHistory}.
 *
 * @public
 */
export interface ReadinessHistoryQuery {
  /** Only evaluations at or after this ISO 8601 time. */
  since?: string;
  /** Only evaluations whose level differs from the one before. */
  changesOnly?: boolean;
  offset: number;
  limit: number;
  /** Only evaluations older than this one (the keyset: an evaluation id). */
  before?: string;
}

/**
 * Filter of {@link ReadinessStore.listWaivers}.
 *
 * @public
 */
export interface ReadinessWaiverFilter {
  locationId?: string;
  check?: ReadinessCheck;
  status?: ReadinessWaiverStatus;
  /** Only waivers of locations evaluated in this partition. */
  partition?: string;
}

/**
 * Persistence of readiness: every evaluation (never updated, so the history
 * answers "when did this location become ready?"), waivers, and the
 * application-plane footprint.
 *
 * At most one waiver per location and check is active, also when two
 * replicas grant the same waiver at once.
 *
 * @public
 */
export interface ReadinessStore {
  /** Appends an evaluation to the history. */
  addEvaluation(
    evaluation: ReadinessEvaluation,
    options: { partition: string; trigger: ReadinessTrigger },
  ): Promise<StoredReadinessEvaluation>;
  /** The latest evaluation of each location, ordered by location id. */
  listLatest(filter?: {
    partition?: string;
    level?: ReadinessLevel;
    locationId?: string;
  }): Promise<StoredReadinessEvaluation[]>;
  /** The latest evaluation of a location, or `undefined`. */
  getLatest(locationId: string): Promise<StoredReadinessEvaluation | undefined>;
  /** Level of the latest evaluation per location. */
  latestLevels(): Promise<Record<string, ReadinessLevel>>;
  /**
   * The placement engine's view of readiness: the latest level per
   * location, `unknown` for locations never evaluated.
   */
  readinessLookup(): Promise<ReadinessLookup>;
  /**
   * A page of a location's history, newest first: `offset` rows in, or
   * after the evaluation `before` (keyset). Each row carries the level
   * before it, computed over the whole history (so `since` and paging do
   * not change it). `nextKey` is the id of the page's last row when older
   * rows follow.
   */
  listHistory(
    locationId: string,
    query: ReadinessHistoryQuery,
  ): Promise<{
    items: ReadinessHistoryItem[];
    totalCount: number;
    nextKey?: string[];
  }>;
  /**
   * When the location last became `ready`: the time of the first evaluation
   * of its latest unbroken run of `ready` evaluations.
   */
  becameReadyAt(locationId: string): Promise<string | undefined>;
  /** Waivers matching the filter, newest first; status judged at `now`. */
  listWaivers(
    filter: ReadinessWaiverFilter,
    now: Date,
  ): Promise<StoredReadinessWaiver[]>;
  /**
   * A page of {@link ReadinessStore.listWaivers} after the keyset `after`
   * (creation time, id); `nextKey` when more waivers follow.
   */
  pageWaivers(
    filter: ReadinessWaiverFilter,
    now: Date,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: StoredReadinessWaiver[]; nextKey?: string[] }>;
  /** Unrevoked, unexpired waivers, of one location or of all. */
  activeWaivers(now: Date, locationId?: string): Promise<ReadinessWaiver[]>;
  /** One waiver, or `undefined`. */
  getWaiver(id: string, now: Date): Promise<StoredReadinessWaiver | undefined>;
  /**
   * Records a waiver. Expired waivers of the same location and check are
   * retired first; an unrevoked, unexpired one makes this a `ConflictError`
   * (also when another replica wins the race).
   */
  addWaiver(
    waiver: ReadinessWaiver,
    options: { createdBy: string; now: Date },
  ): Promise<StoredReadinessWaiver>;
  /**
   * Revokes a waiver: `NotFoundError` when absent, `ConflictError` when
   * already revoked. An expired waiver may still be revoked, for the record.
   */
  revokeWaiver(
    id: string,
    options: { revokedBy: string; now: Date },
  ): Promise<StoredReadinessWaiver>;
  /** The stored footprint of an application plane, or `undefined`. */
  getFootprint(id?: string): Promise<StoredFootprint | undefined>;
  /** Stores (replaces) the footprint of an application plane. */
  putFootprint(footprint: StoredFootprint): Promise<StoredFootprint>;
}
