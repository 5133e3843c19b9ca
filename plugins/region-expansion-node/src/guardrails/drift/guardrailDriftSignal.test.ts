import type { GuardrailDriftReport } from './compareGuardrails';
import { guardrailDriftSignal } from './guardrailDriftSignal';

const report = (
  plan: string,
  status: GuardrailDriftReport['status'],
  summary: string[] = [],
  reason?: string,
): GuardrailDriftReport => ({
  plan,
  location: 'eu-central-1',
  partition: 'aws',
  status,
  ouPath: `Root/Europe/DE/${plan}`,
  ouFound: status !== 'unknown',
  misplacedAccounts: [],
  unexpectedAccounts: [],
  policies: [],
  extraPolicies: [],
  summary,
  ...(reason ? { reason } : {}),
});

describe('guardrailDriftSignal', () => {
  it.each([
    {
      name: 'every plan matching passes, naming the OUs',
      reports: [report('a', 'ok'), report('b', 'ok')],
      signal: {
        status: 'pass',
        detail:
          'guardrails match AWS Organizations (Root/Europe/DE/a, Root/Europe/DE/b)',
        blockers: [],
      },
    },
    {
      name: 'a drifting plan fails with its differences as blockers, an unreadable one is counted',
      reports: [
        report('a', 'drift', ['OU Root/Europe/DE/a is missing']),
        report('b', 'unknown', [], 'refused'),
        report('c', 'ok'),
      ],
      signal: {
        status: 'fail',
        detail:
          'guardrails drift from AWS Organizations in 1 of 3 plans; 1 could not be read',
        blockers: ['a: OU Root/Europe/DE/a is missing'],
      },
    },
    {
      name: 'an unreadable plan without drift elsewhere is unknown, never pass',
      reports: [report('a', 'ok'), report('b', 'unknown', [], 'refused')],
      signal: { status: 'unknown', detail: 'b: refused', blockers: [] },
    },
    {
      name: 'no plan is unknown',
      reports: [],
      signal: {
        status: 'unknown',
        detail: 'no guardrail plan targets the location',
        blockers: [],
      },
    },
  ])('$name', ({ reports, signal }) => {
    expect(guardrailDriftSignal(reports)).toEqual(signal);
  });

  it('lists at most 10 differences and counts the rest', () => {
    const lines = Array.from({ length: 13 }, (_, i) => `difference ${i + 1}`);
    const { blockers } = guardrailDriftSignal([report('a', 'drift', lines)]);
    expect(blockers).toHaveLength(11);
    expect(blockers[9]).toBe('a: difference 10');
    expect(blockers[10]).toBe('and 3 more differences');
  });
});
