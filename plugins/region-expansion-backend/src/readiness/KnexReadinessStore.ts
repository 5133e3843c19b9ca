import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Footprint,
  READINESS_CHECKS,
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
import {
  ReadinessLookup,
  readinessFromMap,
} from '@region-expansion/plugin-region-expansion-node';
import { randomUUID } from 'crypto';
import { KnexStore } from '../database/KnexStore';
import { KeysetColumn, readKeysetPage } from '../database/keyset';
import { isUniqueViolation } from '../database/writeTransaction';
import {
  ReadinessHistoryQuery,
  ReadinessStore,
  ReadinessWaiverFilter,
} from './ReadinessStore';

const EVALUATIONS = 'readiness_evaluations';
const WAIVERS = 'readiness_waivers';
const FOOTPRINTS = 'application_plane_footprints';

type EvaluationRow = {
  id: number | string;
  location_id: string;
  partition: string;
  level: string;
  evaluation: string;
  trigger: string;
  evaluated_at: string | Date;
  previous_level?: string | null;
};

type WaiverRow = {
  id: string;
  location_id: string;
  check_name: string;
  reason: string;
  approver: string;
  created_by: string;
  created_at: string | Date;
  expires_at: string | Date;
  revoked_at: string | Date | null;
  revoked_by: string | null;
  active_key: string | null;
};

type FootprintRow = {
  id: string;
  footprint: string;
  source: string;
  updated_by: string;
  updated_at: string | Date;
};

/** Order of the waiver list: newest first, ties by id. */
const WAIVER_KEY: KeysetColumn[] = [
  { column: 'created_at', order: 'desc' },
  { column: 'id', order: 'asc' },
];

function toIso(value: string | Date): string {
  return new Date(value).toISOString();
}

/**
 * An evaluation stored before a check existed has no signal for it; readers
 * get every check, so the missing ones read `unknown`, never `pass`.
 */
function withEveryCheck(
  stored: ReadinessEvaluation['signals'],
): ReadinessEvaluation['signals'] {
  const signals = { ...stored };
  for (const check of READINESS_CHECKS) {
    signals[check] ??= {
      check,
      status: 'unknown',
      detail:
        'not evaluated: the check did not exist when this evaluation was made',
      blockers: [],
      waived: false,
    };
  }
  return signals;
}

function rowToEvaluation(row: EvaluationRow): ReadinessHistoryItem {
  const body = JSON.parse(row.evaluation) as Pick<
    ReadinessEvaluation,
    'signals' | 'blockers' | 'openChecks'
  >;
  const item: ReadinessHistoryItem = {
    id: String(row.id),
    locationId: row.location_id,
    partition: row.partition,
    level: row.level as ReadinessLevel,
    trigger: row.trigger as ReadinessTrigger,
    evaluatedAt: toIso(row.evaluated_at),
    blockers: body.blockers,
    openChecks: body.openChecks,
    signals: withEveryCheck(body.signals),
  };
  if (row.previous_level) {
    item.previousLevel = row.previous_level as ReadinessLevel;
  }
  return item;
}

function waiverStatus(row: WaiverRow, now: Date): ReadinessWaiverStatus {
  if (row.revoked_at) return 'revoked';
  return new Date(row.expires_at).getTime() > now.getTime()
    ? 'active'
    : 'expired';
}

function rowToWaiver(row: WaiverRow, now: Date): StoredReadinessWaiver {
  const waiver: StoredReadinessWaiver = {
    id: row.id,
    locationId: row.location_id,
    check: row.check_name as ReadinessCheck,
    reason: row.reason,
    approver: row.approver,
    expiresAt: toIso(row.expires_at),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    status: waiverStatus(row, now),
  };
  if (row.revoked_at) waiver.revokedAt = toIso(row.revoked_at);
  if (row.revoked_by) waiver.revokedBy = row.revoked_by;
  return waiver;
}

function activeKey(locationId: string, check: ReadinessCheck): string {
  return `${locationId}/${check}`;
}

/**
 * The {@link ReadinessStore} over the plugin's database (tables
 * `readiness_evaluations`, `readiness_waivers` and
 * `application_plane_footprints`). At most one waiver per location and
 * check is active: the `active_key` column carries a unique index, so two
 * replicas granting the same waiver at once cannot both succeed.
 *
 * @public
 */
export class KnexReadinessStore extends KnexStore implements ReadinessStore {
  // -------------------------------------------------------------- evaluations

  /** Appends an evaluation to the history. */
  async addEvaluation(
    evaluation: ReadinessEvaluation,
    options: { partition: string; trigger: ReadinessTrigger },
  ): Promise<StoredReadinessEvaluation> {
    const [inserted] = await this.db(EVALUATIONS).insert(
      {
        location_id: evaluation.locationId,
        partition: options.partition,
        level: evaluation.level,
        evaluation: JSON.stringify({
          signals: evaluation.signals,
          blockers: evaluation.blockers,
          openChecks: evaluation.openChecks,
        }),
        trigger: options.trigger,
        evaluated_at: evaluation.evaluatedAt,
      },
      ['id'],
    );
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    return {
      ...evaluation,
      id: String(id),
      partition: options.partition,
      trigger: options.trigger,
    };
  }

  /** The latest evaluation of each location, ordered by location id. */
  async listLatest(
    filter: {
      partition?: string;
      level?: ReadinessLevel;
      locationId?: string;
    } = {},
  ): Promise<StoredReadinessEvaluation[]> {
    const latestIds = this.db(EVALUATIONS).max('id').groupBy('location_id');
    const query = this.db<EvaluationRow>(EVALUATIONS)
      .whereIn('id', latestIds)
      .orderBy('location_id');
    if (filter.partition) query.where('partition', filter.partition);
    if (filter.level) query.where('level', filter.level);
    if (filter.locationId) query.where('location_id', filter.locationId);
    return (await query).map(rowToEvaluation);
  }

  /** The latest evaluation of a location, or `undefined`. */
  async getLatest(
    locationId: string,
  ): Promise<StoredReadinessEvaluation | undefined> {
    const row = await this.db<EvaluationRow>(EVALUATIONS)
      .where('location_id', locationId)
      .orderBy('id', 'desc')
      .first();
    return row ? rowToEvaluation(row) : undefined;
  }

  /** Level of the latest evaluation per location. */
  async latestLevels(): Promise<Record<string, ReadinessLevel>> {
    const latestIds = this.db(EVALUATIONS).max('id').groupBy('location_id');
    const rows = await this.db<EvaluationRow>(EVALUATIONS)
      .whereIn('id', latestIds)
      .select('location_id', 'level');
    return Object.fromEntries(
      rows.map(r => [r.location_id, r.level as ReadinessLevel]),
    );
  }

  /**
   * The placement engine's view of readiness: the latest level per
   * location, `unknown` for locations never evaluated.
   */
  async readinessLookup(): Promise<ReadinessLookup> {
    return readinessFromMap(await this.latestLevels());
  }

  /**
   * A page of a location's history, newest first: `offset` rows in, or
   * after the evaluation `before` (keyset). Each row carries the level
   * before it, computed over the whole history (so `since` and paging do
   * not change it). `nextKey` is the id of the page's last row when older
   * rows follow.
   */
  async listHistory(
    locationId: string,
    query: ReadinessHistoryQuery,
  ): Promise<{
    items: ReadinessHistoryItem[];
    totalCount: number;
    nextKey?: string[];
  }> {
    const history = this.db(EVALUATIONS)
      .select(
        '*',
        this.db.raw('LAG(level) OVER (ORDER BY id) AS previous_level'),
      )
      .where('location_id', locationId);
    const base = this.db.from(history.as('h'));
    if (query.since) base.where('evaluated_at', '>=', query.since);
    if (query.changesOnly) {
      base.where(q =>
        q.whereNull('previous_level').orWhereRaw('previous_level <> level'),
      );
    }
    const [{ n }] = await base.clone().count({ n: '*' });
    const page = base.select('*');
    if (query.offset) page.offset(query.offset);
    // Numeric, so SQLite compares it as the integer column it is.
    if (query.before !== undefined) page.where('id', '<', Number(query.before));
    const { rows, nextKey } = await readKeysetPage<EvaluationRow>(
      page,
      [{ column: 'id', order: 'desc' }],
      { limit: query.limit },
      row => [String(row.id)],
    );
    return {
      items: rows.map(rowToEvaluation),
      totalCount: Number(n),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  /**
   * When the location last became `ready`: the time of the first evaluation
   * of its latest unbroken run of `ready` evaluations.
   */
  async becameReadyAt(locationId: string): Promise<string | undefined> {
    const lastReady = await this.db(EVALUATIONS)
      .where({ location_id: locationId, level: 'ready' })
      .max({ id: 'id' })
      .first();
    if (lastReady?.id === null || lastReady?.id === undefined) {
      return undefined;
    }
    const lastNotReady = await this.db(EVALUATIONS)
      .where('location_id', locationId)
      .whereNot('level', 'ready')
      .where('id', '<', lastReady.id)
      .max({ id: 'id' })
      .first();
    const start = await this.db<EvaluationRow>(EVALUATIONS)
      .where({ location_id: locationId, level: 'ready' })
      .where('id', '>', lastNotReady?.id ?? 0)
      .orderBy('id')
      .first();
    return start ? toIso(start.evaluated_at) : undefined;
  }

  // ------------------------------------------------------------------ waivers

  /** Waivers matching the filter, newest first; status judged at `now`. */
  async listWaivers(
    filter: ReadinessWaiverFilter,
    now: Date,
  ): Promise<StoredReadinessWaiver[]> {
    const query = this.#waiverQuery(filter, now).orderBy(
      WAIVER_KEY.map(c => ({ column: c.column, order: c.order })),
    );
    return (await query).map(row => rowToWaiver(row, now));
  }

  /**
   * A page of {@link KnexReadinessStore.listWaivers} after the keyset `after`
   * (creation time, id); `nextKey` when more waivers follow.
   */
  async pageWaivers(
    filter: ReadinessWaiverFilter,
    now: Date,
    page: { limit: number; after?: string[] },
  ): Promise<{ items: StoredReadinessWaiver[]; nextKey?: string[] }> {
    const { rows, nextKey } = await readKeysetPage<WaiverRow>(
      this.#waiverQuery(filter, now),
      WAIVER_KEY,
      page,
      row => [toIso(row.created_at), row.id],
    );
    return {
      items: rows.map(row => rowToWaiver(row, now)),
      ...(nextKey ? { nextKey } : {}),
    };
  }

  #waiverQuery(filter: ReadinessWaiverFilter, now: Date) {
    const query = this.db<WaiverRow>(WAIVERS);
    if (filter.partition) {
      query.whereIn(
        'location_id',
        this.db(EVALUATIONS)
          .distinct('location_id')
          .where('partition', filter.partition),
      );
    }
    if (filter.locationId) query.where('location_id', filter.locationId);
    if (filter.check) query.where('check_name', filter.check);
    const nowIso = now.toISOString();
    if (filter.status === 'revoked') query.whereNotNull('revoked_at');
    if (filter.status === 'active') {
      query.whereNull('revoked_at').where('expires_at', '>', nowIso);
    }
    if (filter.status === 'expired') {
      query.whereNull('revoked_at').where('expires_at', '<=', nowIso);
    }
    return query;
  }

  /** Unrevoked, unexpired waivers, of one location or of all. */
  async activeWaivers(
    now: Date,
    locationId?: string,
  ): Promise<ReadinessWaiver[]> {
    return this.listWaivers({ locationId, status: 'active' }, now);
  }

  /** One waiver, or `undefined`. */
  async getWaiver(
    id: string,
    now: Date,
  ): Promise<StoredReadinessWaiver | undefined> {
    const row = await this.db<WaiverRow>(WAIVERS).where('id', id).first();
    return row ? rowToWaiver(row, now) : undefined;
  }

  /**
   * Records a waiver. Expired waivers of the same location and check are
   * retired first; an unrevoked, unexpired one makes this a `ConflictError`
   * (also when another replica wins the race).
   */
  async addWaiver(
    waiver: ReadinessWaiver,
    options: { createdBy: string; now: Date },
  ): Promise<StoredReadinessWaiver> {
    const key = activeKey(waiver.locationId, waiver.check);
    const nowIso = options.now.toISOString();
    const row: WaiverRow = {
      id: randomUUID(),
      location_id: waiver.locationId,
      check_name: waiver.check,
      reason: waiver.reason,
      approver: waiver.approver,
      created_by: options.createdBy,
      created_at: nowIso,
      expires_at: new Date(waiver.expiresAt).toISOString(),
      revoked_at: null,
      revoked_by: null,
      active_key: key,
    };
    const conflict = (existingId?: string) =>
      new ConflictError(
        `check: waiver ${
          existingId ? `'${existingId}' ` : ''
        }already covers check '${waiver.check}' at location '${
          waiver.locationId
        }'; revoke it first`,
      );
    try {
      await this.db.transaction(async trx => {
        await trx<WaiverRow>(WAIVERS)
          .where('active_key', key)
          .where('expires_at', '<=', nowIso)
          .update({ active_key: null });
        const existing = await trx<WaiverRow>(WAIVERS)
          .where('active_key', key)
          .first();
        if (existing) throw conflict(existing.id);
        await trx(WAIVERS).insert(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
    return rowToWaiver(row, options.now);
  }

  /**
   * Revokes a waiver: `NotFoundError` when absent, `ConflictError` when
   * already revoked. An expired waiver may still be revoked, for the record.
   */
  async revokeWaiver(
    id: string,
    options: { revokedBy: string; now: Date },
  ): Promise<StoredReadinessWaiver> {
    return this.db.transaction(async trx => {
      const row = await trx<WaiverRow>(WAIVERS).where('id', id).first();
      if (!row) {
        throw new NotFoundError(`Waiver '${id}' does not exist`);
      }
      if (row.revoked_at) {
        throw new ConflictError(
          `id: waiver '${id}' was already revoked at ${toIso(row.revoked_at)}`,
        );
      }
      const update = {
        revoked_at: options.now.toISOString(),
        revoked_by: options.revokedBy,
        active_key: null,
      };
      await trx<WaiverRow>(WAIVERS).where('id', id).update(update);
      return rowToWaiver({ ...row, ...update }, options.now);
    });
  }

  // --------------------------------------------------------------- footprint

  /** The stored footprint of an application plane, or `undefined`. */
  async getFootprint(id = 'default'): Promise<StoredFootprint | undefined> {
    const row = await this.db<FootprintRow>(FOOTPRINTS).where('id', id).first();
    return row
      ? {
          id: row.id,
          footprint: JSON.parse(row.footprint) as Footprint,
          source: row.source,
          updatedBy: row.updated_by,
          updatedAt: toIso(row.updated_at),
        }
      : undefined;
  }

  /** Stores (replaces) the footprint of an application plane. */
  async putFootprint(footprint: StoredFootprint): Promise<StoredFootprint> {
    await this.db<FootprintRow>(FOOTPRINTS)
      .insert({
        id: footprint.id,
        footprint: JSON.stringify(footprint.footprint),
        source: footprint.source,
        updated_by: footprint.updatedBy,
        updated_at: footprint.updatedAt,
      })
      .onConflict('id')
      .merge();
    return footprint;
  }
}
