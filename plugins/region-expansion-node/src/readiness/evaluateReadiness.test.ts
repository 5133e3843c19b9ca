import type { ReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import { allPassSignals, passSignal } from '../testUtils';
import { evaluateReadiness } from './evaluateReadiness';
import { collectGovernanceSignals } from './GovernanceSignalSource';

const fail: ReadinessSignal = {
  status: 'fail',
  detail: 'bad',
  blockers: ['critical finding'],
};
const now = new Date('2026-11-20T00:00:00Z');
const waiver = (expiresAt: string, locationId = 'eu-west-2') => ({
  locationId,
  check: 'security' as const,
  reason: 'accepted risk',
  approver: 'ciso',
  expiresAt,
});

describe('evaluateReadiness', () => {
  it.each([
    {
      name: 'all pass',
      signals: allPassSignals,
      waivers: [],
      level: 'ready',
      blockers: 0,
    },
    {
      name: 'missing signal is unknown, not pass',
      signals: { ...allPassSignals, audit: undefined },
      waivers: [],
      level: 'pilot',
      blockers: 0,
    },
    {
      name: 'no signals at all',
      signals: {},
      waivers: [],
      level: 'pilot',
      blockers: 0,
    },
    {
      name: 'warn keeps pilot',
      signals: {
        ...allPassSignals,
        capacity: { status: 'warn', detail: 'near quota', blockers: [] },
      },
      waivers: [],
      level: 'pilot',
      blockers: 0,
    },
    {
      name: 'fail blocks',
      signals: { ...allPassSignals, security: fail },
      waivers: [],
      level: 'blocked',
      blockers: 1,
    },
    {
      name: 'unexpired waiver lifts the block',
      signals: { ...allPassSignals, security: fail },
      waivers: [waiver('2026-12-01T00:00:00Z')],
      level: 'ready',
      blockers: 0,
    },
    {
      name: 'expired waiver does not apply',
      signals: { ...allPassSignals, security: fail },
      waivers: [waiver('2026-11-19T00:00:00Z')],
      level: 'blocked',
      blockers: 1,
    },
    {
      name: 'waiver for another location does not apply',
      signals: { ...allPassSignals, security: fail },
      waivers: [waiver('2026-12-01T00:00:00Z', 'eu-west-1')],
      level: 'blocked',
      blockers: 1,
    },
  ] as const)('$name', ({ signals, waivers, level, blockers }) => {
    const result = evaluateReadiness({
      locationId: 'eu-west-2',
      signals: signals as never,
      waivers: [...waivers],
      now,
    });
    expect(result.level).toBe(level);
    expect(result.blockers).toHaveLength(blockers);
  });

  it('marks a waived check and fills missing ones as unknown', () => {
    const result = evaluateReadiness({
      locationId: 'eu-west-2',
      signals: { security: fail },
      waivers: [waiver('2026-12-01T00:00:00Z')],
      now,
    });
    expect(result.signals.security).toEqual(
      expect.objectContaining({
        status: 'fail',
        waived: true,
        waiver: expect.objectContaining({ approver: 'ciso' }),
      }),
    );
    expect(result.signals.audit).toEqual(
      expect.objectContaining({ status: 'unknown', waived: false }),
    );
    expect(result.openChecks.map(c => c.check)).toEqual([
      'availability',
      'sovereignty',
      'resilience',
      'audit',
      'capacity',
      'governance-coverage:security-hub',
      'governance-coverage:config',
      'governance-coverage:resilience-hub',
      'governance-coverage:audit',
      'guardrail-drift',
    ]);
  });
});

describe('collectGovernanceSignals', () => {
  it('takes the worse status and names failing sources', async () => {
    const result = await collectGovernanceSignals(
      [
        { id: 'a', signalsFor: async () => ({ security: passSignal }) },
        { id: 'b', signalsFor: async () => ({ security: fail }) },
        {
          id: 'c',
          signalsFor: async () => {
            throw new Error('throttled');
          },
        },
      ],
      'eu-west-2',
    );
    expect(result.signals.security?.status).toBe('fail');
    expect(result.signals.audit).toBeUndefined();
    expect(result.errors).toEqual([{ source: 'c', error: 'throttled' }]);
  });
});
