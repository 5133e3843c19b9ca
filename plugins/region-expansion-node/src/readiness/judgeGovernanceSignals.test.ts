import { DEFAULT_GOVERNANCE_READINESS_POLICY } from './governanceSignals';
import type {
  GovernanceCoverageRecord,
  GovernanceSyncState,
} from './governanceEvidence';
import {
  judgeGovernanceSignals,
  type GovernanceEvidence,
} from './judgeGovernanceSignals';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const REGION = 'eu-west-1';

const state = (
  source: string,
  region: string,
  patch: Partial<GovernanceSyncState> = {},
): GovernanceSyncState => ({
  source,
  partition: 'aws',
  accountId: '111111111111',
  region,
  status: 'ok',
  lastSuccessAt: '2026-11-26T11:00:00.000Z',
  ...patch,
});
const proving = (source: string, region: string): GovernanceCoverageRecord => ({
  source,
  partition: 'aws',
  accountId: '111111111111',
  region,
  scope: `${source} from ${region}`,
  proofs: [{ region: REGION, detail: `${source} watches ${REGION}` }],
});
const empty: GovernanceEvidence = {
  states: [],
  coverage: [],
  failedByControl: { critical: [], high: [] },
  apps: [],
  controls: [],
  scores: [],
};
const judge = (evidence: Partial<GovernanceEvidence>) =>
  judgeGovernanceSignals(
    REGION,
    { ...empty, ...evidence },
    DEFAULT_GOVERNANCE_READINESS_POLICY,
    NOW,
  );

describe('judgeGovernanceSignals', () => {
  it('is unknown everywhere without evidence, never pass', () => {
    const signals = judge({});
    expect(
      [signals.security, signals.resilience, signals.audit].map(s => s.status),
    ).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('passes security from the aggregation Region only with fresh, covering evidence', () => {
    const states = [state('securityhub', 'us-east-1')];
    expect(
      judge({ states, coverage: [proving('securityhub', 'us-east-1')] })
        .security.status,
    ).toBe('pass');
    expect(judge({ states }).security.status).toBe('unknown');
    expect(
      judge({
        states: [
          state('securityhub', 'us-east-1', {
            lastSuccessAt: '2026-11-24T11:00:00.000Z',
          }),
        ],
        coverage: [proving('securityhub', 'us-east-1')],
      }).security.status,
    ).toBe('warn');
  });

  it('fails security on a critical finding whatever the coverage', () => {
    expect(
      judge({
        failedByControl: {
          critical: [{ controlId: 'S3.1', count: 1 }],
          high: [],
        },
      }).security.status,
    ).toBe('fail');
  });

  it('reads the per-Region sources only in the Region', () => {
    const scores = [{ accountId: '111111111111', packName: 'p', score: 95 }];
    const inRegion = judge({
      states: [state('config', REGION)],
      coverage: [proving('config', REGION)],
      scores,
    });
    expect(inRegion.audit.status).toBe('pass');
    const elsewhere = judge({
      states: [state('config', 'us-east-1')],
      coverage: [proving('config', 'us-east-1')],
      scores,
    });
    expect(elsewhere.audit.status).toBe('unknown');
  });

  it('applies the conformance thresholds of the policy', () => {
    const evidence = {
      states: [state('config', REGION)],
      coverage: [proving('config', REGION)],
      scores: [{ accountId: '111111111111', packName: 'p', score: 80 }],
    };
    expect(judge(evidence).audit.status).toBe('warn');
    expect(
      judgeGovernanceSignals(
        REGION,
        { ...empty, ...evidence },
        { ...DEFAULT_GOVERNANCE_READINESS_POLICY, conformanceFailBelow: 85 },
        NOW,
      ).audit.status,
    ).toBe('fail');
  });
});
