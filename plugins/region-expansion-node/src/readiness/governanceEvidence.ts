import { GOVERNANCE_SOURCE_NAMES } from '../governance/reasons';

/**
 * The sync state of one governance target (source, partition, account,
 * Region), as the readiness judgement reads it.
 *
 * @public
 */
export interface GovernanceSyncState {
  /** Governance source, e.g. `securityhub`. */
  source: string;
  /** Partition of the target. */
  partition: string;
  /** 12-digit AWS account id of the target. */
  accountId: string;
  /** Region of the target. */
  region: string;
  /**
   * `ok` after a successful read, `unavailable` when the service is not set
   * up there, `stale` when the last run failed, `running` or `never`.
   */
  status: 'never' | 'running' | 'ok' | 'unavailable' | 'stale';
  /** ISO 8601 end of the latest run that did not fail; absent when none has. */
  lastSuccessAt?: string;
  /** Why the last run failed or the service is unavailable: a fixed sentence. */
  staleReason?: string;
}

/**
 * What one governance target last proved about the Regions its source
 * watches.
 *
 * @public
 */
export interface GovernanceCoverageRecord {
  /** Governance source, e.g. `securityhub`. */
  source: string;
  /** Partition of the target. */
  partition: string;
  /** 12-digit AWS account id of the target. */
  accountId: string;
  /** Region of the target. */
  region: string;
  /** What the source watches from this target, one sentence; absent when the provider reported no coverage. */
  scope?: string;
  /** Regions proved, each with a sentence saying how. */
  proofs: ReadonlyArray<{ region: string; detail: string }>;
}

/**
 * How recent the sync evidence of one check is.
 *
 * @public
 */
export interface EvidenceFreshness {
  /** `fresh`: every target synced within the window; `none`: never synced. */
  state: 'fresh' | 'stale' | 'unavailable' | 'none';
  /** Stated reasons of stale or unavailable targets, and of old data. */
  reasons: string[];
  /** Oldest successful sync among the targets (ISO), when any. */
  observedAt?: string;
}

/**
 * Judges the sync states behind a check. Any target stale, failed, or last
 * synced before the window makes the whole check stale; targets that are all
 * unavailable (service not set up) make it unavailable.
 *
 * @public
 */
export function evidenceFreshness(
  states: readonly GovernanceSyncState[],
  now: Date,
  maxAgeHours: number,
): EvidenceFreshness {
  const reasons: string[] = [];
  const where = (s: GovernanceSyncState) =>
    `${s.source} ${s.partition}/${s.accountId}/${s.region}`;
  const synced = states.filter(s => s.status !== 'unavailable');
  const unavailable = states.filter(s => s.status === 'unavailable');
  if (states.length === 0) return { state: 'none', reasons };
  if (synced.length === 0) {
    return {
      state: 'unavailable',
      reasons: unavailable.map(
        s => `${where(s)}: ${s.staleReason ?? 'not available'}`,
      ),
    };
  }
  const oldest = now.getTime() - maxAgeHours * 3_600_000;
  let observedAt: string | undefined;
  for (const s of synced) {
    if (!s.lastSuccessAt) {
      reasons.push(
        `${where(s)}: never synced${
          s.staleReason ? ` (${s.staleReason})` : ''
        }`,
      );
      continue;
    }
    if (!observedAt || s.lastSuccessAt < observedAt)
      observedAt = s.lastSuccessAt;
    if (s.status === 'stale')
      reasons.push(`${where(s)}: stale (${s.staleReason ?? 'failed'})`);
    else if (Date.parse(s.lastSuccessAt) < oldest)
      reasons.push(`${where(s)}: last synced ${s.lastSuccessAt}`);
  }
  if (!observedAt) return { state: 'none', reasons };
  return { state: reasons.length ? 'stale' : 'fresh', reasons, observedAt };
}

/**
 * Whether the sources behind a check proved they watch a Region.
 *
 * @public
 */
export interface RegionCoverage {
  /** True when the proofs satisfy the check's rule (see {@link regionCoverage}). */
  covered: boolean;
  /** How it was proved, one sentence each, without repeats. */
  proofs: string[];
  /** Why it was not (or not for every target), one sentence each. */
  gaps: string[];
}

/**
 * Judges the coverage of a Region from the stored coverage of the targets
 * of some sources. Only targets that have synced successfully count
 * (`unavailable` ones have no coverage). `every`: each such target must
 * prove the Region (an aggregated source: every account's findings must
 * reach the aggregation Region); `any`: one target proving it is enough (a
 * regional source: some account watches the Region).
 *
 * @public
 */
export function regionCoverage(
  states: readonly GovernanceSyncState[],
  coverage: readonly GovernanceCoverageRecord[],
  sources: readonly string[],
  region: string,
  rule: 'every' | 'any',
): RegionCoverage {
  const key = (t: {
    source: string;
    partition: string;
    accountId: string;
    region: string;
  }) => [t.source, t.partition, t.accountId, t.region].join('\u0000');
  const byTarget = new Map(coverage.map(c => [key(c), c]));
  const synced = states.filter(
    s =>
      sources.includes(s.source) &&
      s.status !== 'unavailable' &&
      !!s.lastSuccessAt,
  );
  const proofs = new Set<string>();
  const uncovered: Array<{ state: GovernanceSyncState; scope?: string }> = [];
  for (const state of synced) {
    const target = byTarget.get(key(state));
    const proof = target?.proofs.find(p => p.region === region);
    if (proof) proofs.add(proof.detail);
    else uncovered.push({ state, scope: target?.scope });
  }
  const covered =
    rule === 'every'
      ? synced.length > 0 && uncovered.length === 0
      : proofs.size > 0;
  const name = (source: string) => GOVERNANCE_SOURCE_NAMES[source] ?? source;
  let gaps: string[] = [];
  if (synced.length === 0) {
    gaps = [`no successful ${sources.map(name).join(' or ')} sync`];
  } else if (!covered || rule === 'every') {
    // Regional sources: only targets in the Region could have proved it.
    const relevant =
      rule === 'any'
        ? uncovered.filter(u => u.state.region === region)
        : uncovered;
    const byScope = new Map<string, string[]>();
    for (const u of relevant) {
      const why = `${name(u.state.source)}: ${
        u.scope ?? 'the provider reported no coverage'
      }`;
      byScope.set(why, [...(byScope.get(why) ?? []), u.state.accountId]);
    }
    // Scopes that name their account (`account 123…`) need no suffix.
    gaps = [...byScope].map(([why, accounts]) =>
      accounts.every(a => why.toLowerCase().includes(`account ${a}`))
        ? why
        : `${why} (account${accounts.length === 1 ? '' : 's'} ${accounts.join(
            ', ',
          )})`,
    );
    if (rule === 'any' && !covered && relevant.length === 0) {
      const names = [...new Set(synced.map(u => name(u.source)))];
      gaps = [
        `${names.join(' and ')} ${
          names.length === 1 ? 'is' : 'are'
        } not read in ${region}`,
      ];
    }
  }
  return { covered, proofs: [...proofs], gaps };
}
