import type { CampaignGateId } from '@region-expansion/plugin-region-expansion-common';
import {
  campaignFixture,
  evaluationFixture,
} from '../__testUtils__/campaignFixtures';
import {
  applyGateStates,
  evaluateCampaignGates,
  gatesFromHistory,
} from './evaluateCampaignGates';

const blocker = {
  check: 'audit' as const,
  detail: 'no audit evidence',
  remediation: 'collect it',
};
const approval = {
  approvedBy: 'user:default/cfo',
  approvedAt: '2026-11-03T00:00:00.000Z',
};

// `null`: the location has no readiness evaluation.
const stateOf = (
  gateId: CampaignGateId,
  campaign = campaignFixture({ gates: [gateId] }),
  evaluation: ReturnType<typeof evaluationFixture> | null = evaluationFixture(),
) => evaluateCampaignGates(campaign, evaluation ?? undefined)[0].state;

describe('evaluateCampaignGates', () => {
  it.each<[CampaignGateId, string, () => string]>([
    ['readiness-level', 'passed', () => stateOf('readiness-level')],
    [
      'readiness-level',
      'failed',
      () =>
        stateOf(
          'readiness-level',
          undefined,
          evaluationFixture({}, { level: 'pilot' }),
        ),
    ],
    [
      'readiness-level',
      'passed',
      () =>
        stateOf(
          'readiness-level',
          campaignFixture({
            gates: ['readiness-level'],
            requiredReadinessLevel: 'pilot',
          }),
          evaluationFixture({}, { level: 'pilot' }),
        ),
    ],
    [
      'readiness-level',
      'unknown',
      () => stateOf('readiness-level', undefined, null),
    ],
    [
      'governance-coverage:config',
      'passed',
      () => stateOf('governance-coverage:config'),
    ],
    [
      'governance-coverage:config',
      'failed',
      () =>
        stateOf(
          'governance-coverage:config',
          undefined,
          evaluationFixture({ 'governance-coverage:config': 'fail' }),
        ),
    ],
    [
      'governance-coverage:audit',
      'unknown',
      () =>
        stateOf(
          'governance-coverage:audit',
          undefined,
          evaluationFixture({ 'governance-coverage:audit': 'unknown' }),
        ),
    ],
    ['guardrail-drift', 'passed', () => stateOf('guardrail-drift')],
    [
      'guardrail-drift',
      'failed',
      () =>
        stateOf(
          'guardrail-drift',
          undefined,
          evaluationFixture({ 'guardrail-drift': 'warn' }),
        ),
    ],
    [
      'guardrail-drift',
      'unknown',
      () =>
        stateOf(
          'guardrail-drift',
          undefined,
          evaluationFixture({ 'guardrail-drift': 'unknown' }),
        ),
    ],
    ['no-unwaived-blockers', 'passed', () => stateOf('no-unwaived-blockers')],
    [
      'no-unwaived-blockers',
      'failed',
      () =>
        stateOf(
          'no-unwaived-blockers',
          undefined,
          evaluationFixture({}, { level: 'blocked', blockers: [blocker] }),
        ),
    ],
    [
      'no-unwaived-blockers',
      'unknown',
      () => stateOf('no-unwaived-blockers', undefined, null),
    ],
    ['cost-approved', 'failed', () => stateOf('cost-approved')],
    [
      'cost-approved',
      'passed',
      () =>
        stateOf(
          'cost-approved',
          campaignFixture({ gates: ['cost-approved'], costApproval: approval }),
          null,
        ),
    ],
  ])('%s is %s', (_, expected, evaluate) => {
    expect(evaluate()).toBe(expected);
  });

  it('names the blocking checks and the levels in its reasons', () => {
    const gates = evaluateCampaignGates(
      campaignFixture(),
      evaluationFixture({}, { level: 'blocked', blockers: [blocker] }),
    );
    expect(gates.map(g => g.reason)).toEqual(
      expect.arrayContaining([
        'Readiness level is blocked; the campaign requires ready.',
        'Blockers without a waiver: audit.',
        'No cost approval is recorded.',
      ]),
    );
  });
});

describe('applyGateStates', () => {
  it('records a change only when a state changes, keeping since otherwise', () => {
    const t1 = new Date('2026-11-01T00:00:00Z');
    const t2 = new Date('2026-11-05T00:00:00Z');
    const campaign = campaignFixture();
    const first = applyGateStates(
      [],
      evaluateCampaignGates(campaign, evaluationFixture()),
      t1,
    );
    expect(first.changes).toHaveLength(5);
    const second = applyGateStates(
      first.gates,
      evaluateCampaignGates(
        campaign,
        evaluationFixture({ 'guardrail-drift': 'fail' }),
      ),
      t2,
    );
    expect(second.changes.map(c => [c.gateId, c.state, c.at])).toEqual([
      ['guardrail-drift', 'failed', t2.toISOString()],
    ]);
    expect(second.gates.find(g => g.gateId === 'readiness-level')?.since).toBe(
      t1.toISOString(),
    );
    expect(
      gatesFromHistory(campaign.gates, [...first.changes, ...second.changes]),
    ).toEqual(second.gates);
  });
});
