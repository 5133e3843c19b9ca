import type {
  GovernanceSource,
  GovernanceTarget,
  GovernanceTargetOutcome,
} from '@region-expansion/plugin-region-expansion-node';
import { governanceReasonSentence } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { KnexStore } from '../database/KnexStore';
import { retryTransaction } from '../database/retryTransaction';
import {
  GovernanceFilter,
  REPLACE_CHUNK,
  targetKey,
  whereFilter,
} from './governanceFilter';
import {
  GovernanceFindingsCommit,
  GovernanceFreshness,
  GovernanceSyncStateStore,
  GovernanceTargetCoverage,
} from './GovernanceSyncStateStore';

const TARGET_COLUMNS = ['source', 'partition', 'account_id', 'region'];

/**
 * Writes a page's cursor and progress to its target's sync state inside
 * the page's own transaction (`tx`), so a run killed midway resumes exactly
 * after the stored rows.
 */
export async function commitSyncState(
  tx: Knex.Transaction,
  source: GovernanceSource,
  commit: GovernanceFindingsCommit,
): Promise<void> {
  const update: Record<string, unknown> = {};
  if (commit.cursor !== undefined) update.cursor = commit.cursor;
  if (commit.progress) {
    update.pages = commit.progress.pages;
    update.rows = commit.progress.rows;
  }
  if (Object.keys(update).length === 0) return;
  await tx('governance_sync_state')
    .insert({
      ...targetKey(source, commit.target),
      status: 'running',
      ...update,
    })
    .onConflict(TARGET_COLUMNS)
    .merge(update);
}

/** A target's new coverage after an outcome; `undefined` keeps the stored one (a failed run). */
function coverageUpdate(outcome: GovernanceTargetOutcome):
  | {
      coverage_scope: string | null;
      proofs: NonNullable<GovernanceTargetOutcome['coverage']>['regions'];
    }
  | undefined {
  if (outcome.status === 'ok')
    return {
      coverage_scope: outcome.coverage?.scope ?? null,
      proofs: outcome.coverage?.regions ?? [],
    };
  if (outcome.status === 'unavailable')
    return { coverage_scope: null, proofs: [] };
  return undefined;
}

/** The sync-state columns an outcome sets, its reason as the fixed sentence. */
function outcomeState(
  source: GovernanceSource,
  outcome: GovernanceTargetOutcome,
  at: string,
): Record<string, unknown> {
  const reason = (kind: string) => ({
    reason_kind: kind,
    stale_reason: governanceReasonSentence(kind, source, outcome.target),
  });
  if (outcome.status === 'failed') {
    return {
      status: 'stale',
      ...reason(outcome.reasonKind ?? 'unknown-error'),
    };
  }
  return {
    status: outcome.status,
    ...(outcome.status === 'unavailable'
      ? reason(outcome.reasonKind ?? 'not-enabled')
      : { reason_kind: null, stale_reason: null }),
    last_success_at: at,
    pages: outcome.pages,
    rows: outcome.rows,
  };
}

/**
 * The {@link GovernanceSyncStateStore} over the plugin's database (tables
 * `governance_sync_state` and `governance_coverage`).
 *
 * @public
 */
export class KnexGovernanceSyncStateStore
  extends KnexStore
  implements GovernanceSyncStateStore
{
  async getCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<string | undefined> {
    const row = await this.db('governance_sync_state')
      .where(targetKey(source, target))
      .first('cursor');
    return row?.cursor ?? undefined;
  }

  async setCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
    cursor: string,
  ): Promise<void> {
    await this.db('governance_sync_state')
      .insert({ ...targetKey(source, target), cursor, status: 'running' })
      .onConflict(TARGET_COLUMNS)
      .merge({ cursor });
  }

  async markRunning(
    source: GovernanceSource,
    targets: GovernanceTarget[],
    at: string,
  ): Promise<void> {
    for (let i = 0; i < targets.length; i += REPLACE_CHUNK) {
      await this.db('governance_sync_state')
        .insert(
          targets.slice(i, i + REPLACE_CHUNK).map(target => ({
            ...targetKey(source, target),
            status: 'running',
            last_attempt_at: at,
            pages: 0,
            rows: 0,
          })),
        )
        .onConflict(TARGET_COLUMNS)
        .merge({ status: 'running', last_attempt_at: at, pages: 0, rows: 0 });
    }
  }

  async recordProgress(
    source: GovernanceSource,
    target: GovernanceTarget,
    progress: { pages: number; rows: number },
  ): Promise<void> {
    await this.db('governance_sync_state')
      .where(targetKey(source, target))
      .update({ pages: progress.pages, rows: progress.rows });
  }

  async recordOutcome(
    source: GovernanceSource,
    outcome: GovernanceTargetOutcome,
    at: string,
  ): Promise<void> {
    const base = targetKey(source, outcome.target);
    const update = outcomeState(source, outcome, at);
    const coverage = coverageUpdate(outcome);
    const state = coverage
      ? { ...update, coverage_scope: coverage.coverage_scope }
      : update;
    await retryTransaction(this.db, async tx => {
      await tx('governance_sync_state')
        .insert({ ...base, last_attempt_at: at, ...state })
        .onConflict(TARGET_COLUMNS)
        .merge(state);
      if (!coverage) return;
      await tx('governance_coverage').where(base).delete();
      const proofs = [
        ...new Map(coverage.proofs.map(p => [p.region, p])).values(),
      ];
      for (let i = 0; i < proofs.length; i += REPLACE_CHUNK) {
        await tx('governance_coverage').insert(
          proofs.slice(i, i + REPLACE_CHUNK).map(p => ({
            ...base,
            covered_region: p.region,
            method: p.method,
            detail: p.detail,
          })),
        );
      }
    });
  }

  async coverage(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> = {},
  ): Promise<GovernanceTargetCoverage[]> {
    const [states, proofs] = await Promise.all([
      whereFilter(this.db('governance_sync_state'), filter)
        .orderBy(TARGET_COLUMNS)
        .select(...TARGET_COLUMNS, 'coverage_scope'),
      whereFilter(this.db('governance_coverage'), filter)
        .orderBy([...TARGET_COLUMNS, 'covered_region'])
        .select(),
    ]);
    const key = (r: any) =>
      [r.source, r.partition, r.account_id, r.region].join('\u0000');
    const byTarget = new Map<string, GovernanceTargetCoverage>();
    for (const r of states) {
      byTarget.set(key(r), {
        source: r.source,
        partition: r.partition,
        accountId: r.account_id,
        region: r.region,
        scope: r.coverage_scope ?? undefined,
        proofs: [],
      });
    }
    for (const r of proofs) {
      byTarget.get(key(r))?.proofs.push({
        region: r.covered_region,
        method: r.method,
        detail: r.detail,
      });
    }
    return [...byTarget.values()];
  }

  async freshness(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> = {},
  ): Promise<GovernanceFreshness[]> {
    const rows = await whereFilter(this.db('governance_sync_state'), filter)
      .orderBy(TARGET_COLUMNS)
      .select();
    return rows.map(r => ({
      source: r.source,
      partition: r.partition,
      accountId: r.account_id,
      region: r.region,
      status: r.status,
      lastAttemptAt: r.last_attempt_at ?? undefined,
      lastSuccessAt: r.last_success_at ?? undefined,
      staleReason: r.stale_reason ?? undefined,
      reasonKind: r.reason_kind ?? undefined,
      pages: Number(r.pages),
      rows: Number(r.rows),
    }));
  }
}
