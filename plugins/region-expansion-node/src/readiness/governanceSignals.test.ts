import type { ResilienceAppRow } from '../governance/types';
import type { EvidenceFreshness, RegionCoverage } from './governanceEvidence';
import {
  auditSignal,
  resilienceSignal,
  securitySignal,
} from './governanceSignals';

const FRESH: EvidenceFreshness = {
  state: 'fresh',
  reasons: [],
  observedAt: '2026-11-26T11:00:00.000Z',
};
const STALE: EvidenceFreshness = {
  state: 'stale',
  reasons: ['securityhub aws/1/r: stale (ThrottlingException)'],
  observedAt: '2026-11-25T11:00:00.000Z',
};
const NONE: EvidenceFreshness = { state: 'none', reasons: [] };
const UNAVAILABLE: EvidenceFreshness = {
  state: 'unavailable',
  reasons: ['auditmanager aws/1/r: not set up'],
};
const COVERED: RegionCoverage = {
  covered: true,
  proofs: ['linked to the finding aggregator in us-east-1 (ALL_REGIONS)'],
  gaps: [],
};
const NOT_COVERED: RegionCoverage = {
  covered: false,
  proofs: [],
  gaps: ['Security Hub: no finding aggregator (account 1)'],
};

describe('securitySignal', () => {
  const crit = [{ controlId: 'S3.1', count: 2 }];
  const high = [{ controlId: 'EC2.2', count: 1 }];
  it.each([
    [
      'critical fails even when stale',
      { critical: crit, high: [] },
      STALE,
      'fail',
    ],
    ['high warns', { critical: [], high }, FRESH, 'warn'],
    ['none and fresh passes', { critical: [], high: [] }, FRESH, 'pass'],
    ['none but stale warns', { critical: [], high: [] }, STALE, 'warn'],
    ['no data is unknown', { critical: [], high: [] }, NONE, 'unknown'],
  ] as const)('%s', (_, input, freshness, status) => {
    const s = securitySignal(input, freshness, COVERED);
    expect(s.status).toBe(status);
    expect(s.blockers).toEqual([
      ...input.critical.map(
        c => `CRITICAL ${c.controlId}: ${c.count} active failed findings`,
      ),
      ...input.high.map(c => `HIGH ${c.controlId}: 1 active failed finding`),
      ...(freshness.state === 'stale' && input.critical.length === 0
        ? freshness.reasons
        : []),
    ]);
  });

  it.each([
    [
      'none, fresh but not covered, is unknown',
      { critical: [], high: [] },
      FRESH,
      'unknown',
    ],
    [
      'none, stale and not covered, is unknown',
      { critical: [], high: [] },
      STALE,
      'unknown',
    ],
    [
      'high without coverage still warns',
      { critical: [], high },
      FRESH,
      'warn',
    ],
    [
      'critical without coverage still fails',
      { critical: crit, high: [] },
      FRESH,
      'fail',
    ],
  ] as const)('%s', (_, input, freshness, status) => {
    const s = securitySignal(input, freshness, NOT_COVERED);
    expect(s.status).toBe(status);
    expect(s.detail).toContain(
      'Security Hub: no finding aggregator (account 1)',
    );
  });
});

describe('resilienceSignal', () => {
  const app = (patch: Partial<ResilienceAppRow>): ResilienceAppRow => ({
    appArn: 'a',
    appName: 'shop',
    partition: 'aws',
    accountId: '1',
    region: 'r',
    assessmentArn: 'as',
    complianceStatus: 'PolicyMet',
    disruptions: [
      { disruptionType: 'Region', currentRtoInSecs: 10, targetRtoInSecs: 20 },
    ],
    ...patch,
  });
  const REGION_RTO_BREACH = {
    disruptionType: 'Region',
    currentRtoInSecs: 30,
    targetRtoInSecs: 20,
  };
  const breached = (...disruptions: ResilienceAppRow['disruptions']) =>
    app({ complianceStatus: 'PolicyBreached', disruptions });
  it.each([
    ['met and fresh passes', [app({})], FRESH, 'pass'],
    ['met but stale warns', [app({})], STALE, 'warn'],
    [
      'breached RTO fails with a named blocker',
      [breached(REGION_RTO_BREACH)],
      FRESH,
      'fail',
    ],
    [
      'breached status with an unknown disruption type fails',
      [breached({ disruptionType: 'Cell' })],
      FRESH,
      'fail',
    ],
    [
      'unassessed beside assessed warns',
      [
        app({}),
        app({
          appArn: 'b',
          assessmentArn: undefined,
          complianceStatus: 'NotAssessed',
          disruptions: [],
        }),
      ],
      FRESH,
      'warn',
    ],
    ['no apps is unknown even when synced', [], FRESH, 'unknown'],
  ] as const)('%s', (_, apps, freshness, status) => {
    const s = resilienceSignal(
      apps as unknown as ResilienceAppRow[],
      freshness,
      COVERED,
    );
    expect(s.status).toBe(status);
  });

  it('is unknown when no application has a successful assessment (no coverage)', () => {
    const s = resilienceSignal(
      [
        app({
          assessmentArn: undefined,
          complianceStatus: 'NotAssessed',
          disruptions: [],
        }),
      ],
      FRESH,
      { covered: false, proofs: [], gaps: ['0 of 1 assessed'] },
    );
    expect(s).toMatchObject({ status: 'unknown', blockers: [] });
    expect(s.detail).toContain('0 of 1 assessed');
  });

  it('names each breached disruption type', () => {
    const s = resilienceSignal(
      [
        breached(REGION_RTO_BREACH, {
          disruptionType: 'Cell',
          currentRpoInSecs: 9,
          targetRpoInSecs: 5,
        }),
      ],
      FRESH,
      COVERED,
    );
    expect(s.blockers).toEqual([
      'shop: Region RTO 30s > target 20s',
      'shop: Cell RPO 9s > target 5s',
    ]);
  });
});

describe('auditSignal', () => {
  const policy = { conformanceWarnBelow: 90, conformanceFailBelow: 70 };
  const score = (s: number) => ({ accountId: '1', packName: 'pack', score: s });
  const control = (issues: number) => ({
    assessmentName: 'PCI',
    controlName: 'c',
    controlStatus: 'REVIEWED',
    folders: [{ complianceCheckIssuesCount: issues }],
  });
  it.each([
    [
      'high score and fresh passes',
      [],
      [score(95)],
      UNAVAILABLE,
      FRESH,
      'pass',
    ],
    ['score below warn threshold warns', [], [score(80)], NONE, FRESH, 'warn'],
    ['score below fail threshold fails', [], [score(50)], NONE, STALE, 'fail'],
    ['controls with issues warn', [control(2)], [], FRESH, NONE, 'warn'],
    ['clean controls but stale warn', [control(0)], [], STALE, NONE, 'warn'],
    [
      'not subscribed and no aggregator is unknown',
      [],
      [],
      UNAVAILABLE,
      NONE,
      'unknown',
    ],
  ] as const)('%s', (_, controls, scores, am, config, status) => {
    const s = auditSignal(
      {
        controls: [...controls],
        scores: [...scores],
        auditManager: am,
        config,
        auditManagerCoverage: COVERED,
        configCoverage: COVERED,
      },
      policy,
    );
    expect(s.status).toBe(status);
  });

  it('passes only on data from a source that covers the location', () => {
    const input = {
      controls: [control(0)],
      scores: [score(95)],
      auditManager: FRESH,
      config: FRESH,
    };
    const judged = (am: RegionCoverage, cfg: RegionCoverage) =>
      auditSignal(
        { ...input, auditManagerCoverage: am, configCoverage: cfg },
        policy,
      ).status;
    expect(judged(NOT_COVERED, NOT_COVERED)).toBe('unknown');
    expect(judged(COVERED, NOT_COVERED)).toBe('pass');
    expect(judged(NOT_COVERED, COVERED)).toBe('pass');
    expect(
      auditSignal(
        {
          ...input,
          scores: [score(50)],
          auditManagerCoverage: NOT_COVERED,
          configCoverage: NOT_COVERED,
        },
        policy,
      ).status,
    ).toBe('fail');
  });

  it('states why audit evidence is missing', () => {
    const s = auditSignal(
      {
        controls: [],
        scores: [],
        auditManager: UNAVAILABLE,
        config: NONE,
        auditManagerCoverage: NOT_COVERED,
        configCoverage: NOT_COVERED,
      },
      policy,
    );
    expect(s.detail).toMatch(/auditmanager aws\/1\/r: not set up/);
  });
});
