import { TestDatabases } from '@backstage/backend-test-utils';
import {
  governanceReasonSentence,
  GovernanceTarget,
  LocationCatalog,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import path from 'node:path';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  auditSignal,
  evidenceFreshness,
  EvidenceFreshness,
  GovernanceReadinessSignals,
  resilienceSignal,
  securitySignal,
} from './GovernanceReadinessSignals';
import { GovernanceFreshness, GovernanceStore } from './GovernanceStore';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-26T12:00:00.000Z');
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

describe('evidenceFreshness', () => {
  const state = (patch: Partial<GovernanceFreshness>): GovernanceFreshness => ({
    source: 'securityhub',
    partition: 'aws',
    accountId: '111111111111',
    region: 'r',
    status: 'ok',
    lastSuccessAt: '2026-11-26T10:00:00.000Z',
    pages: 1,
    rows: 1,
    ...patch,
  });
  it.each([
    ['no targets', [], 'none'],
    ['all ok and recent', [state({})], 'fresh'],
    [
      'one stale',
      [state({}), state({ status: 'stale', staleReason: 'x' })],
      'stale',
    ],
    [
      'too old',
      [state({ lastSuccessAt: '2026-11-24T10:00:00.000Z' })],
      'stale',
    ],
    [
      'never succeeded',
      [state({ status: 'stale', lastSuccessAt: undefined })],
      'none',
    ],
    [
      'all unavailable',
      [state({ status: 'unavailable', staleReason: 'not registered' })],
      'unavailable',
    ],
    [
      'unavailable beside ok',
      [state({}), state({ status: 'unavailable' })],
      'fresh',
    ],
  ] as const)('%s → %s', (_, states, expected) => {
    expect(
      evidenceFreshness(states as unknown as GovernanceFreshness[], NOW, 24)
        .state,
    ).toBe(expected);
  });
});

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
    const s = securitySignal(input, freshness);
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
  it.each([
    ['met and fresh passes', [app({})], FRESH, 'pass'],
    ['met but stale warns', [app({})], STALE, 'warn'],
    [
      'breached RTO fails with a named blocker',
      [
        app({
          complianceStatus: 'PolicyBreached',
          disruptions: [
            {
              disruptionType: 'Region',
              currentRtoInSecs: 30,
              targetRtoInSecs: 20,
            },
          ],
        }),
      ],
      FRESH,
      'fail',
    ],
    [
      'breached status with an unknown disruption type fails',
      [
        app({
          complianceStatus: 'PolicyBreached',
          disruptions: [{ disruptionType: 'Cell' }],
        }),
      ],
      FRESH,
      'fail',
    ],
    [
      'unassessed warns',
      [
        app({
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
    );
    expect(s.status).toBe(status);
  });

  it('names each breached disruption type', () => {
    const s = resilienceSignal(
      [
        app({
          complianceStatus: 'PolicyBreached',
          disruptions: [
            {
              disruptionType: 'Region',
              currentRtoInSecs: 30,
              targetRtoInSecs: 20,
            },
            { disruptionType: 'Cell', currentRpoInSecs: 9, targetRpoInSecs: 5 },
          ],
        }),
      ],
      FRESH,
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
      },
      policy,
    );
    expect(s.status).toBe(status);
  });

  it('states why audit evidence is missing', () => {
    const s = auditSignal(
      { controls: [], scores: [], auditManager: UNAVAILABLE, config: NONE },
      policy,
    );
    expect(s.detail).toMatch(/auditmanager aws\/1\/r: not set up/);
  });
});

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');
const catalog = LocationCatalog.fromSnapshot();
const eusc = catalog.partition('aws-eusc')!;
const REGION = eusc.homeRegion;

describe.each(databases.eachSupportedId())(
  'GovernanceReadinessSignals on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      const store = GovernanceStore.fromKnex(knex);
      const signals = GovernanceReadinessSignals.create({
        store,
        catalog,
        now: () => NOW,
      });
      return { store, signals };
    }
    const target: GovernanceTarget = {
      partition: 'aws-eusc',
      accountId: '900000000001',
      region: REGION,
    };
    const ok = (
      store: GovernanceStore,
      source: any,
      at = '2026-11-26T11:00:00.000Z',
    ) =>
      store.recordOutcome(
        source,
        { target, status: 'ok', pages: 1, rows: 1 },
        at,
      );

    it('is unknown everywhere without data, never pass', async () => {
      const { signals } = await setup();
      const result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('unknown');
      expect(result.resilience!.status).toBe('unknown');
      expect(result.audit!.status).toBe('unknown');
      expect(await signals.signalsFor('not-a-location')).toEqual({});
    });

    it('fails and warns with named blockers from stored findings, apps and scores', async () => {
      const { store, signals } = await setup();
      await store.upsertFindings('securityhub', [
        {
          findingId: 'f-1',
          ...target,
          severity: 'CRITICAL',
          complianceStatus: 'FAILED',
          controlId: 'KMS.4',
          recordState: 'ACTIVE',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        },
        {
          findingId: 'f-2',
          ...target,
          severity: 'CRITICAL',
          complianceStatus: 'FAILED',
          controlId: 'KMS.4',
          recordState: 'ARCHIVED',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        },
      ]);
      await ok(store, 'securityhub');
      await store.replaceResilienceApps(target, [
        {
          appArn: 'app-1',
          appName: 'payments',
          ...target,
          assessmentArn: 'as-1',
          complianceStatus: 'PolicyBreached',
          disruptions: [
            {
              disruptionType: 'AZ',
              currentRpoInSecs: 900,
              targetRpoInSecs: 300,
            },
          ],
        },
      ]);
      await ok(store, 'resiliencehub');
      await store.replaceConformanceScores(target, [
        {
          ...target,
          packName: 'Operational-Best-Practices-for-Encryption',
          complianceType: 'NON_COMPLIANT',
          compliantRules: 8,
          nonCompliantRules: 2,
          totalRules: 10,
          score: 80,
        },
      ]);
      await ok(store, 'config');
      await store.recordOutcome(
        'auditmanager',
        {
          target,
          status: 'unavailable',
          reason: 'Audit Manager is not set up',
          pages: 0,
          rows: 0,
        },
        '2026-11-26T11:00:00.000Z',
      );
      const result = await signals.signalsFor(REGION);
      expect(result.security).toMatchObject({
        status: 'fail',
        blockers: ['CRITICAL KMS.4: 1 active failed finding'],
        observedAt: '2026-11-26T11:00:00.000Z',
      });
      expect(result.resilience).toMatchObject({
        status: 'fail',
        blockers: ['payments: AZ RPO 900s > target 300s'],
      });
      expect(result.audit!.status).toBe('warn');
      expect(result.audit!.blockers[0]).toMatch(/Encryption.*score 80 < 90/);
    });

    it('passes only on fresh evidence and turns stale data into warn with the reason', async () => {
      const { store, signals } = await setup();
      await ok(store, 'securityhub');
      await ok(store, 'config');
      await store.replaceConformanceScores(target, [
        {
          ...target,
          packName: 'p',
          complianceType: 'COMPLIANT',
          compliantRules: 10,
          nonCompliantRules: 0,
          totalRules: 10,
          score: 100,
        },
      ]);
      let result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('pass');
      expect(result.audit!.status).toBe('pass');
      await store.recordOutcome(
        'securityhub',
        {
          target,
          status: 'failed',
          reason: 'AccessDeniedException (HTTP 403): no',
          reasonKind: 'access-denied',
          pages: 0,
          rows: 0,
        },
        '2026-11-26T11:30:00.000Z',
      );
      await ok(store, 'config', '2026-11-20T00:00:00.000Z');
      result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('warn');
      expect(result.security!.blockers.join()).toContain(
        governanceReasonSentence('access-denied', 'securityhub', target),
      );
      expect(result.security!.blockers.join()).not.toMatch(/AccessDenied/);
      expect(result.audit!.status).toBe('warn');
      expect(result.audit!.blockers.join()).toMatch(/last synced 2026-11-20/);
    });
  },
);
