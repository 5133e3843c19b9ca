import type {
  ReadinessSignal,
  ReadinessSignalStatus,
} from '@region-expansion/plugin-region-expansion-common';
import {
  GOVERNANCE_SOURCE_NAMES,
  GovernanceCheck,
  GovernanceSignalSource,
  LocationCatalog,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import type { GovernanceService } from './GovernanceService';
import type {
  GovernanceFreshness,
  GovernanceTargetCoverage,
} from './GovernanceSyncStateStore';

/**
 * Thresholds of {@link GovernanceReadinessSignals}.
 *
 * @public
 */
export interface GovernanceReadinessPolicy {
  /** Evidence older than this is stale. Default 24 hours. */
  maxAgeHours: number;
  /** A conformance pack scoring below this warns. Default 90. */
  conformanceWarnBelow: number;
  /** A conformance pack scoring below this fails. Default 70. */
  conformanceFailBelow: number;
}

/**
 * Default thresholds.
 *
 * @public
 */
export const DEFAULT_GOVERNANCE_READINESS_POLICY: GovernanceReadinessPolicy = {
  maxAgeHours: 24,
  conformanceWarnBelow: 90,
  conformanceFailBelow: 70,
};

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
  states: readonly GovernanceFreshness[],
  now: Date,
  maxAgeHours: number,
): EvidenceFreshness {
  const reasons: string[] = [];
  const where = (s: GovernanceFreshness) =>
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
  states: readonly GovernanceFreshness[],
  coverage: readonly GovernanceTargetCoverage[],
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
  const uncovered: Array<{ state: GovernanceFreshness; scope?: string }> = [];
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

/**
 * A signal judged from data of a location passes only with proof that the
 * sources watch it: without coverage a `pass` becomes `unknown` (absence of
 * findings is not evidence); a `warn` or `fail` stands, with the coverage
 * gap stated. Covered signals name how coverage was proved.
 */
function judged(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
  source: string,
): ReadinessSignal {
  if (!coverage.covered && status === 'pass')
    return signal(
      'unknown',
      `${detail}; no proof that ${source} covers the location: ${coverage.gaps.join(
        '; ',
      )}`,
      [],
    );
  // One proof names how; the count says how many targets gave one.
  const [first, ...more] = coverage.proofs;
  const note = coverage.covered
    ? `covered: ${first}${more.length ? ` (and ${more.length} more)` : ''}`
    : `coverage not proved: ${coverage.gaps.join('; ')}`;
  return withFreshness(status, `${detail}; ${note}`, blockers, freshness);
}

function statusOf(failing: boolean, warning: boolean): ReadinessSignalStatus {
  if (failing) return 'fail';
  return warning ? 'warn' : 'pass';
}

function signal(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  observedAt?: string,
): ReadinessSignal {
  return { status, detail, blockers, ...(observedAt ? { observedAt } : {}) };
}

/**
 * Without fresh evidence a check never passes: no data is `unknown`, stale
 * data `warn`; a `fail` stands whatever the freshness.
 */
function withFreshness(
  status: ReadinessSignalStatus,
  detail: string,
  blockers: string[],
  freshness: EvidenceFreshness,
): ReadinessSignal {
  if (freshness.state === 'fresh' || status === 'fail')
    return signal(status, detail, blockers, freshness.observedAt);
  if (freshness.state === 'stale')
    return signal(
      'warn',
      `${detail}; evidence is stale`,
      [...blockers, ...freshness.reasons],
      freshness.observedAt,
    );
  const why =
    freshness.state === 'unavailable'
      ? freshness.reasons.join('; ')
      : 'no successful sync';
  return signal('unknown', `${detail}; ${why}`, blockers);
}

/**
 * Security check from active failed Security Hub findings by severity and
 * control: any CRITICAL fails, any HIGH warns, none passes only with fresh
 * evidence and proof that Security Hub covers the location (its Region is
 * the aggregation Region or linked to the finding aggregator, for every
 * account); otherwise none is `unknown`.
 *
 * @public
 */
export function securitySignal(
  failedByControl: {
    critical: ReadonlyArray<{ controlId: string; count: number }>;
    high: ReadonlyArray<{ controlId: string; count: number }>;
  },
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
): ReadinessSignal {
  const name = (sev: string, c: { controlId: string; count: number }) =>
    `${sev} ${c.controlId}: ${c.count} active failed finding${
      c.count === 1 ? '' : 's'
    }`;
  const critical = failedByControl.critical.reduce((n, c) => n + c.count, 0);
  const high = failedByControl.high.reduce((n, c) => n + c.count, 0);
  const blockers = [
    ...failedByControl.critical.map(c => name('CRITICAL', c)),
    ...failedByControl.high.map(c => name('HIGH', c)),
  ];
  if (freshness.state === 'none' && blockers.length === 0)
    return signal('unknown', 'no Security Hub evidence for the location', []);
  return judged(
    statusOf(critical > 0, high > 0),
    `${critical} CRITICAL and ${high} HIGH active failed findings`,
    blockers,
    freshness,
    coverage,
    'Security Hub',
  );
}

function breaches(app: ResilienceAppRow): string[] {
  const out: string[] = [];
  for (const d of app.disruptions) {
    for (const [what, current, target] of [
      ['RTO', d.currentRtoInSecs, d.targetRtoInSecs],
      ['RPO', d.currentRpoInSecs, d.targetRpoInSecs],
    ] as const) {
      if (current !== undefined && target !== undefined && current > target)
        out.push(
          `${app.appName}: ${d.disruptionType} ${what} ${current}s > target ${target}s`,
        );
    }
  }
  if (out.length === 0 && app.complianceStatus === 'PolicyBreached')
    out.push(`${app.appName}: resiliency policy breached`);
  return out;
}

/**
 * Resilience check from the Resilience Hub applications in the location:
 * any breached RTO/RPO fails (named per app and disruption type);
 * unassessed apps beside assessed ones warn; no apps, or none with a
 * successful assessment (no coverage), is unknown: no evidence, not a pass.
 *
 * @public
 */
export function resilienceSignal(
  apps: readonly ResilienceAppRow[],
  freshness: EvidenceFreshness,
  coverage: RegionCoverage,
): ReadinessSignal {
  const breached = apps.flatMap(breaches);
  const unassessed = apps
    .filter(a => !a.assessmentArn)
    .map(a => `${a.appName}: no successful assessment`);
  if (apps.length === 0) {
    const reasons = [...coverage.gaps, ...freshness.reasons];
    return signal(
      'unknown',
      `no Resilience Hub applications in the location${
        reasons.length ? `: ${reasons.join('; ')}` : ''
      }`,
      [],
    );
  }
  if (!coverage.covered && breached.length === 0)
    return signal(
      'unknown',
      `${
        apps.length
      } applications, none with a successful assessment proving coverage: ${coverage.gaps.join(
        '; ',
      )}`,
      [],
    );
  return judged(
    statusOf(breached.length > 0, unassessed.length > 0),
    `${apps.length} applications, ${
      new Set(breached.map(b => b.split(':')[0])).size
    } breaching their RTO/RPO policy`,
    [...breached, ...unassessed],
    freshness,
    coverage,
    'Resilience Hub',
  );
}

/**
 * Audit check from Audit Manager controls and AWS Config conformance
 * scores in the location: a pack below `conformanceFailBelow` fails, below
 * `conformanceWarnBelow` warns; controls with compliance check issues warn.
 * Neither source with evidence (e.g. Audit Manager not subscribed and no
 * aggregator) is unknown with the stated reasons. A source counts as
 * evidence only where its coverage of the location is proved (an active
 * assessment with the account in scope; packs reported through an
 * aggregator that aggregates the Region): a pass needs at least one.
 *
 * @public
 */
export function auditSignal(
  input: {
    controls: ReadonlyArray<{
      assessmentName: string;
      controlName: string;
      controlStatus: string;
      folders: ReadonlyArray<{ complianceCheckIssuesCount: number }>;
    }>;
    scores: ReadonlyArray<{
      accountId: string;
      packName: string;
      score: number;
    }>;
    auditManager: EvidenceFreshness;
    config: EvidenceFreshness;
    auditManagerCoverage: RegionCoverage;
    configCoverage: RegionCoverage;
  },
  policy: Pick<
    GovernanceReadinessPolicy,
    'conformanceWarnBelow' | 'conformanceFailBelow'
  >,
): ReadinessSignal {
  const failing = input.scores.filter(
    s => s.score < policy.conformanceFailBelow,
  );
  const weak = input.scores.filter(
    s =>
      s.score >= policy.conformanceFailBelow &&
      s.score < policy.conformanceWarnBelow,
  );
  const issues = input.controls.filter(c =>
    c.folders.some(f => f.complianceCheckIssuesCount > 0),
  );
  const blockers = [
    ...failing.map(
      s =>
        `${s.packName} in ${s.accountId}: score ${s.score} < ${policy.conformanceFailBelow}`,
    ),
    ...weak.map(
      s =>
        `${s.packName} in ${s.accountId}: score ${s.score} < ${policy.conformanceWarnBelow}`,
    ),
    ...issues.map(
      c => `${c.assessmentName} / ${c.controlName}: non-compliant evidence`,
    ),
  ];
  const withData = [
    ...(input.controls.length ? [input.auditManager] : []),
    ...(input.scores.length ? [input.config] : []),
  ];
  if (withData.length === 0) {
    const reasons = [
      ...input.auditManagerCoverage.gaps,
      ...input.configCoverage.gaps,
      ...[input.auditManager, input.config].flatMap(f => f.reasons),
    ];
    return signal(
      'unknown',
      `no Audit Manager controls or conformance pack scores for the location${
        reasons.length ? `: ${reasons.join('; ')}` : ''
      }`,
      [],
    );
  }
  const freshness: EvidenceFreshness = withData.every(f => f.state === 'fresh')
    ? {
        state: 'fresh',
        reasons: [],
        observedAt: withData.map(f => f.observedAt!).sort()[0],
      }
    : {
        state: withData.some(f => f.state === 'stale') ? 'stale' : 'none',
        reasons: withData.flatMap(f => f.reasons),
        observedAt: withData
          .map(f => f.observedAt)
          .filter(Boolean)
          .sort()[0],
      };
  const status = statusOf(
    failing.length > 0,
    weak.length > 0 || issues.length > 0,
  );
  const covering = [
    ...(input.controls.length && input.auditManagerCoverage.covered
      ? [input.auditManagerCoverage]
      : []),
    ...(input.scores.length && input.configCoverage.covered
      ? [input.configCoverage]
      : []),
  ];
  return judged(
    status,
    `${input.scores.length} conformance pack scores (${failing.length} failing, ${weak.length} below target), ${input.controls.length} audit controls (${issues.length} with issues)`,
    blockers,
    freshness,
    covering.length
      ? {
          covered: true,
          proofs: covering.flatMap(c => c.proofs),
          gaps: [],
        }
      : {
          covered: false,
          proofs: [],
          gaps: [
            ...input.auditManagerCoverage.gaps,
            ...input.configCoverage.gaps,
          ],
        },
    'Audit Manager or AWS Config',
  );
}

/**
 * Security, resilience and audit readiness signals per location from the
 * governance store. A signal passes only on fresh evidence from sources
 * that proved they cover the location; missing or stale data, or data
 * without coverage, is `unknown` or `warn` with the reason. Pass it to the
 * readiness service as a governance source.
 *
 * @public
 */
export class GovernanceReadinessSignals implements GovernanceSignalSource {
  readonly id = 'governance';
  readonly #store: GovernanceService;
  readonly #catalog: Pick<LocationCatalog, 'get'>;
  readonly #policy: GovernanceReadinessPolicy;
  readonly #now: () => Date;

  private constructor(options: {
    store: GovernanceService;
    catalog: Pick<LocationCatalog, 'get'>;
    policy: GovernanceReadinessPolicy;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#policy = options.policy;
    this.#now = options.now;
  }

  static create(options: {
    store: GovernanceService;
    catalog?: Pick<LocationCatalog, 'get'>;
    policy?: Partial<GovernanceReadinessPolicy>;
    now?: () => Date;
  }): GovernanceReadinessSignals {
    return new GovernanceReadinessSignals({
      store: options.store,
      catalog: options.catalog ?? LocationCatalog.fromSnapshot(),
      policy: { ...DEFAULT_GOVERNANCE_READINESS_POLICY, ...options.policy },
      now: options.now ?? (() => new Date()),
    });
  }

  async signalsFor(
    locationId: string,
  ): Promise<Partial<Record<GovernanceCheck, ReadinessSignal>>> {
    const location = this.#catalog.get(locationId);
    if (!location) return {};
    const region = location.parentRegion ?? location.id;
    const partition = location.partition;
    const now = this.#now();
    const [states, coverage] = await Promise.all([
      this.#store.freshness({ partition }),
      this.#store.coverage({ partition }),
    ]);
    const covered = (sources: string[], rule: 'every' | 'any') =>
      regionCoverage(states, coverage, sources, region, rule);
    const fresh = (sources: string[], inRegion: boolean) =>
      evidenceFreshness(
        states.filter(
          s => sources.includes(s.source) && (!inRegion || s.region === region),
        ),
        now,
        this.#policy.maxAgeHours,
      );
    const failedBy = async (severity: string) =>
      (
        await this.#store.summary('control', {
          partition,
          region,
          severity,
          recordState: 'ACTIVE',
          complianceStatus: 'FAILED',
        })
      ).map(g => ({ controlId: g.key, count: g.total }));
    const [critical, high, apps, controls, scores] = await Promise.all([
      failedBy('CRITICAL'),
      failedBy('HIGH'),
      this.#store.listResilienceApps({ partition, region }),
      this.#store.listAuditControls({ partition, region }),
      this.#store.listConformanceScores({ partition, region }),
    ]);
    const securityHub = ['securityhub', 'securityhub-ocsf'];
    return {
      // Security Hub is read in the aggregation Region: its sync states are
      // the partition's, and each account must prove the Region is linked.
      security: securitySignal(
        { critical, high },
        fresh(securityHub, false),
        covered(securityHub, 'every'),
      ),
      resilience: resilienceSignal(
        apps,
        fresh(['resiliencehub'], true),
        covered(['resiliencehub'], 'any'),
      ),
      audit: auditSignal(
        {
          controls,
          scores,
          auditManager: fresh(['auditmanager'], true),
          config: fresh(['config'], true),
          auditManagerCoverage: covered(['auditmanager'], 'any'),
          configCoverage: covered(['config'], 'any'),
        },
        this.#policy,
      ),
    };
  }
}
