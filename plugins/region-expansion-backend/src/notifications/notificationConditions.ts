import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  Campaign,
  CampaignGate,
  GovernanceFreshness,
  READINESS_LEVELS,
  ReadinessLevel,
  StoredReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { createHash } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The scope key of the governance-stale topics (not tied to a location). */
export const GOVERNANCE_SCOPE = 'governance';

/** The scope key of the campaign topics: each cycle looks at every campaign. */
export const CAMPAIGN_SCOPE = 'campaigns';

/** A campaign with the stored current state of its gates. */
export interface CampaignGateStates {
  campaign: Campaign;
  /** Latest stored state per gate; a gate never evaluated is absent. */
  gates: readonly CampaignGate[];
}

/**
 * One condition observed in a cycle, under a topic (a location and a kind of
 * condition). Its `state` is what is remembered: a notification goes out
 * only when the state differs from the one remembered for the topic.
 */
export interface NotificationCondition {
  /** Unique per location and condition; the notification's `scope`. */
  topic: string;
  /** Location the condition is about, or {@link GOVERNANCE_SCOPE}. */
  scopeKey: string;
  locationId?: string;
  /** Entity refs told besides the location's owners and the auditors. */
  recipients?: string[];
  /** Portal path under the plugin's root; default the location's page. */
  link?: string;
  state: string;
  /**
   * Whether the new state deserves a notification given the remembered one
   * (undefined: the topic was never seen). A level that rises is remembered
   * without a notification.
   */
  notifies: (previous: string | undefined) => boolean;
  title: string;
  description: string;
  severity: NotificationSeverity;
}

/** What one cycle does: send these, remember these states, forget these topics. */
export interface NotificationDecision {
  send: NotificationCondition[];
  remember: { topic: string; scopeKey: string; state: string }[];
  forget: string[];
}

function levelRank(level: string): number {
  return READINESS_LEVELS.indexOf(level as ReadinessLevel);
}

const changed = (state: string) => (previous: string | undefined) =>
  previous !== state;

/**
 * The conditions of one stored readiness evaluation: its level (a drop from
 * the remembered level notifies), each active waiver expiring within
 * `waiverExpiryDays` of the evaluation, and guardrail drift (the
 * `guardrail-drift` check failing or warning).
 */
export function readinessConditions(
  evaluation: StoredReadinessEvaluation,
  options: { waiverExpiryDays: number },
): NotificationCondition[] {
  const { locationId, level } = evaluation;
  const base = { scopeKey: locationId, locationId };
  const blockers = evaluation.blockers.map(b => b.check).join(', ');
  const conditions: NotificationCondition[] = [
    {
      ...base,
      topic: `readiness-level:${locationId}`,
      state: level,
      notifies: previous =>
        previous !== undefined && levelRank(level) < levelRank(previous),
      title: `Readiness of ${locationId} dropped to ${level}`,
      description: blockers
        ? `Failing checks: ${blockers}.`
        : 'Some checks warn or cannot be proven.',
      severity: level === 'blocked' ? 'high' : 'normal',
    },
  ];
  const evaluatedAt = Date.parse(evaluation.evaluatedAt);
  const horizon = evaluatedAt + options.waiverExpiryDays * DAY_MS;
  for (const signal of Object.values(evaluation.signals)) {
    const expiresAt = signal?.waived ? signal.waiver?.expiresAt : undefined;
    if (!signal || !expiresAt || Date.parse(expiresAt) > horizon) continue;
    const days = Math.max(
      0,
      Math.ceil((Date.parse(expiresAt) - evaluatedAt) / DAY_MS),
    );
    conditions.push({
      ...base,
      topic: `waiver-expiry:${locationId}:${signal.check}`,
      state: expiresAt,
      notifies: changed(expiresAt),
      title: `Waiver of ${
        signal.check
      } at ${locationId} expires in ${days} day${days === 1 ? '' : 's'}`,
      description: `The waiver expires at ${expiresAt}; the check is judged on its own after that (currently ${signal.status}).`,
      severity: 'normal',
    });
  }
  const drift = evaluation.signals['guardrail-drift'];
  if (drift && (drift.status === 'fail' || drift.status === 'warn')) {
    // A digest: the list of differing statements has no length bound.
    const digest = createHash('sha256')
      .update(JSON.stringify([...drift.blockers].sort()))
      .digest('hex');
    const state = `${drift.status}:${digest}`;
    conditions.push({
      ...base,
      topic: `guardrail-drift:${locationId}`,
      state,
      notifies: changed(state),
      title: `Guardrail drift detected at ${locationId}`,
      description: drift.detail,
      severity: drift.status === 'fail' ? 'high' : 'normal',
    });
  }
  return conditions;
}

/**
 * The conditions of the governance sync states: each source and target
 * stale (its last run failed) past `staleAfterMinutes` since its last
 * success, with the stored reason sentence (never AWS error text).
 */
export function governanceConditions(
  freshness: readonly GovernanceFreshness[],
  options: { staleAfterMinutes: number; now: Date },
): NotificationCondition[] {
  const conditions: NotificationCondition[] = [];
  for (const f of freshness) {
    if (f.status !== 'stale') continue;
    const since = f.lastSuccessAt ? Date.parse(f.lastSuccessAt) : undefined;
    if (
      since !== undefined &&
      options.now.getTime() - since < options.staleAfterMinutes * 60_000
    ) {
      continue;
    }
    const target = [f.partition, f.accountId, f.region]
      .filter(Boolean)
      .join('/');
    const state = f.reasonKind ?? 'stale';
    conditions.push({
      topic: `governance-stale:${f.source}:${target}`,
      scopeKey: GOVERNANCE_SCOPE,
      state,
      notifies: changed(state),
      title: `Governance source ${f.source} is stale for ${target}`,
      description:
        f.staleReason ??
        `The last sync of ${f.source} for ${target} failed; its last good data is kept.`,
      severity: 'high',
    });
  }
  return conditions;
}

/**
 * A condition per campaign with gates not passed when less than `slipDays`
 * days remain before the end of its target date (UTC); with 0, once the
 * target date has passed. The state is the sorted ids of the open gates, so
 * a change of which gates are late notifies again and an unchanged set does
 * not; once every gate passed the condition no longer holds and its topic is
 * forgotten.
 */
export function campaignSlipConditions(
  campaigns: readonly CampaignGateStates[],
  options: { slipDays: number; now: Date },
): NotificationCondition[] {
  const conditions: NotificationCondition[] = [];
  for (const { campaign, gates } of campaigns) {
    // The target date counts as a whole day: it slips after its end.
    const deadline = Date.parse(`${campaign.targetDate}T00:00:00Z`) + DAY_MS;
    const left = deadline - options.now.getTime();
    if (left > 0 && left >= options.slipDays * DAY_MS) continue;
    const passed = new Set(
      gates.filter(g => g.state === 'passed').map(g => g.gateId),
    );
    const open = campaign.gates.filter(g => !passed.has(g)).sort();
    if (open.length === 0) continue;
    const state = open.join(',');
    const when =
      left <= 0
        ? `is past its target date ${campaign.targetDate}`
        : `is due ${campaign.targetDate}`;
    conditions.push({
      topic: `campaign-slip:${campaign.id}`,
      scopeKey: CAMPAIGN_SCOPE,
      locationId: campaign.locationId,
      recipients: [campaign.owner],
      link: `/campaigns/${encodeURIComponent(campaign.id)}`,
      state,
      notifies: previous => previous !== state,
      title: `Campaign ${campaign.id} ${when} with ${open.length} gate${
        open.length === 1 ? '' : 's'
      } not passed`,
      description: `Gates not passed: ${open.join(', ')}.`,
      severity: left <= 0 ? 'high' : 'normal',
    });
  }
  return conditions;
}

/**
 * Decides a cycle over the scopes it looked at: a condition whose state
 * differs from the remembered one is remembered, and sent when it
 * `notifies`; a remembered topic of those scopes that no longer holds is
 * forgotten, so its return notifies again.
 */
export function decideNotifications(
  remembered: ReadonlyMap<string, { scopeKey: string; state: string }>,
  scopes: ReadonlySet<string>,
  conditions: readonly NotificationCondition[],
): NotificationDecision {
  const decision: NotificationDecision = { send: [], remember: [], forget: [] };
  const current = new Set(conditions.map(c => c.topic));
  for (const condition of conditions) {
    const previous = remembered.get(condition.topic)?.state;
    if (previous === condition.state) continue;
    if (condition.notifies(previous)) decision.send.push(condition);
    decision.remember.push({
      topic: condition.topic,
      scopeKey: condition.scopeKey,
      state: condition.state,
    });
  }
  for (const [topic, { scopeKey }] of remembered) {
    if (scopes.has(scopeKey) && !current.has(topic)) {
      decision.forget.push(topic);
    }
  }
  return decision;
}
