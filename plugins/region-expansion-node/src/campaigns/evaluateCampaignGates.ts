import type {
  Campaign,
  CampaignGate,
  CampaignGateChange,
  CampaignGateId,
  ReadinessEvaluation,
  ReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * A gate's state as the evidence gives it, before `since` is known.
 *
 * @public
 */
export type EvaluatedCampaignGate = Omit<CampaignGate, 'since'>;

const LEVEL_RANK: Record<ReadinessLevel, number> = {
  blocked: 0,
  pilot: 1,
  ready: 2,
};

/**
 * What the gates read of a location's latest readiness evaluation.
 *
 * @public
 */
export type CampaignGateEvidence = Pick<
  ReadinessEvaluation,
  'level' | 'blockers' | 'signals' | 'evaluatedAt'
>;

function signalGate(
  gateId: CampaignGateId,
  check: keyof ReadinessEvaluation['signals'],
  latest: CampaignGateEvidence,
): EvaluatedCampaignGate {
  const signal = latest.signals[check];
  if (!signal || signal.status === 'unknown')
    return {
      gateId,
      state: 'unknown',
      reason: `The ${check} readiness signal cannot be proven${
        signal?.detail ? `: ${signal.detail}` : '.'
      }`,
    };
  return signal.status === 'pass'
    ? { gateId, state: 'passed', reason: `The ${check} signal passes.` }
    : {
        gateId,
        state: 'failed',
        reason: `The ${check} signal is ${signal.status}: ${signal.detail}`,
      };
}

function gateOf(
  gateId: CampaignGateId,
  campaign: Campaign,
  latest: CampaignGateEvidence | undefined,
): EvaluatedCampaignGate {
  if (gateId === 'cost-approved') {
    const approval = campaign.costApproval;
    return approval
      ? {
          gateId,
          state: 'passed',
          reason: `Cost approved by ${approval.approvedBy} at ${approval.approvedAt}.`,
        }
      : { gateId, state: 'failed', reason: 'No cost approval is recorded.' };
  }
  if (!latest)
    return {
      gateId,
      state: 'unknown',
      reason: `${campaign.locationId} has no readiness evaluation yet.`,
    };
  if (gateId === 'readiness-level') {
    const passed =
      LEVEL_RANK[latest.level] >= LEVEL_RANK[campaign.requiredReadinessLevel];
    return {
      gateId,
      state: passed ? 'passed' : 'failed',
      reason: `Readiness level is ${latest.level}; the campaign requires ${campaign.requiredReadinessLevel}.`,
    };
  }
  if (gateId === 'no-unwaived-blockers') {
    const checks = [...new Set(latest.blockers.map(b => b.check))];
    return checks.length === 0
      ? { gateId, state: 'passed', reason: 'No blocker without a waiver.' }
      : {
          gateId,
          state: 'failed',
          reason: `Blockers without a waiver: ${checks.join(', ')}.`,
        };
  }
  return signalGate(gateId, gateId, latest);
}

/**
 * The state of each gate the campaign chose, from the location's latest
 * readiness evaluation (absent: every readiness gate is `unknown`) and the
 * campaign's cost approval.
 *
 * @public
 */
export function evaluateCampaignGates(
  campaign: Campaign,
  latest: CampaignGateEvidence | undefined,
): EvaluatedCampaignGate[] {
  return campaign.gates.map(gateId => gateOf(gateId, campaign, latest));
}

/**
 * Applies freshly evaluated gates to the current ones: a gate whose state
 * changed (or that has none yet) gets `since = now` and a history row; an
 * unchanged one keeps its `since` and reason.
 *
 * @public
 */
export function applyGateStates(
  current: readonly CampaignGate[],
  evaluated: readonly EvaluatedCampaignGate[],
  now: Date,
): { gates: CampaignGate[]; changes: CampaignGateChange[] } {
  const at = now.toISOString();
  const changes: CampaignGateChange[] = [];
  const gates = evaluated.map(gate => {
    const before = current.find(g => g.gateId === gate.gateId);
    if (before && before.state === gate.state) return before;
    changes.push({ ...gate, at });
    return { ...gate, since: at };
  });
  return { gates, changes };
}

/**
 * The gates' current states from their history (oldest first or any order):
 * each gate's latest row, with `since` its time.
 *
 * @public
 */
export function gatesFromHistory(
  gateIds: readonly CampaignGateId[],
  history: readonly CampaignGateChange[],
): CampaignGate[] {
  return gateIds.flatMap(gateId => {
    const latest = history
      .filter(h => h.gateId === gateId)
      .reduce<CampaignGateChange | undefined>(
        (a, b) => (a && a.at > b.at ? a : b),
        undefined,
      );
    return latest
      ? [
          {
            gateId,
            state: latest.state,
            reason: latest.reason,
            since: latest.at,
          },
        ]
      : [];
  });
}
