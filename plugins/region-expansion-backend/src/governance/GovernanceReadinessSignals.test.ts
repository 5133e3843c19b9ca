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
  RegionCoverage,
  regionCoverage,
  resilienceSignal,
  securitySignal,
} from './GovernanceReadinessSignals';
import { createGovernance } from '../__testUtils__/governance';
import { GovernanceStores } from './governanceStores';
import { GovernanceFreshness } from './GovernanceSyncStateStore';

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
      const { stores, service } = createGovernance(knex);
      const signals = GovernanceReadinessSignals.create({
        store: service,
        catalog,
        now: () => NOW,
      });
      return { stores, signals };
    }
    const target: GovernanceTarget = {
      partition: 'aws-eusc',
      accountId: '900000000001',
      region: REGION,
    };
    /** A successful run that proved it covers the target's Region. */
    const ok = (
      stores: GovernanceStores,
      source: any,
      at = '2026-11-26T11:00:00.000Z',
    ) =>
      stores.syncState.recordOutcome(
        source,
        {
          target,
          status: 'ok',
          pages: 1,
          rows: 1,
          coverage: {
            regions: [
              {
                region: REGION,
                method: 'aggregation-region',
                detail: 'read there',
              },
            ],
            scope: `read in ${REGION}`,
          },
        },
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
      const { stores, signals } = await setup();
      await stores.findings.upsertFindings('securityhub', [
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
      await ok(stores, 'securityhub');
      await stores.snapshots.replaceResilienceApps(target, [
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
      await ok(stores, 'resiliencehub');
      await stores.snapshots.replaceConformanceScores(target, [
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
      await ok(stores, 'config');
      await stores.syncState.recordOutcome(
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
      const { stores, signals } = await setup();
      await ok(stores, 'securityhub');
      await ok(stores, 'config');
      await stores.snapshots.replaceConformanceScores(target, [
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
      await stores.syncState.recordOutcome(
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
      await ok(stores, 'config', '2026-11-20T00:00:00.000Z');
      result = await signals.signalsFor(REGION);
      expect(result.security!.status).toBe('warn');
      expect(result.security!.blockers.join()).toContain(
        governanceReasonSentence('access-denied', 'securityhub', target),
      );
      expect(result.security!.blockers.join()).not.toMatch(/AccessDenied/);
      expect(result.audit!.status).toBe('warn');
      expect(result.audit!.blockers.join()).toMatch(/last synced 2026-11-20/);
    });

    it('is unknown, not pass, where the sources do not prove they cover the Region, and passes where they do', async () => {
      const { stores, signals } = await setup();
      const home: GovernanceTarget = {
        partition: 'aws',
        accountId: '100000000001',
        region: 'us-east-1',
      };
      const other: GovernanceTarget = { ...home, accountId: '100000000002' };
      const at = '2026-11-26T11:00:00.000Z';
      // Both accounts' finding aggregators link every Region but us-west-2;
      // no failed finding anywhere.
      for (const t of [home, other])
        await stores.syncState.recordOutcome(
          'securityhub',
          {
            target: t,
            status: 'ok',
            pages: 1,
            rows: 0,
            coverage: {
              regions: [
                {
                  region: 'us-east-1',
                  method: 'aggregation-region',
                  detail: 'findings are read in us-east-1',
                },
                {
                  region: 'eu-west-1',
                  method: 'finding-aggregator',
                  detail:
                    'linked to the finding aggregator in us-east-1 (ALL_REGIONS_EXCEPT_SPECIFIED)',
                },
              ],
              scope:
                'The finding aggregator in us-east-1 links ALL_REGIONS_EXCEPT_SPECIFIED: every Region of aws in the location catalog except us-west-2.',
            },
          },
          at,
        );
      // Resilience Hub in us-west-2: applications, none assessed.
      const west: GovernanceTarget = { ...home, region: 'us-west-2' };
      await stores.snapshots.replaceResilienceApps(west, [
        {
          appArn: 'app-w',
          appName: 'orders',
          ...west,
          complianceStatus: 'NotAssessed',
          disruptions: [],
        },
      ]);
      await stores.syncState.recordOutcome(
        'resiliencehub',
        {
          target: west,
          status: 'ok',
          pages: 1,
          rows: 1,
          coverage: {
            regions: [],
            scope:
              '0 of 1 Resilience Hub application in account 100000000001 in us-west-2 have a successful assessment.',
          },
        },
        at,
      );
      // Audit Manager controls in us-west-2 from an assessment whose scope
      // is another account; AWS Config packs in eu-west-1, proved.
      await stores.snapshots.replaceAuditControls(west, [
        {
          ...west,
          assessmentId: 'a-1',
          assessmentName: 'SOC 2 - other',
          framework: 'SOC 2',
          controlSetId: 'set',
          controlId: 'c-1',
          controlName: 'SOC-1.1',
          controlStatus: 'REVIEWED',
          evidenceCount: 3,
          folders: [],
        },
      ]);
      await stores.syncState.recordOutcome(
        'auditmanager',
        {
          target: west,
          status: 'ok',
          pages: 1,
          rows: 1,
          coverage: {
            regions: [],
            scope:
              '1 active Audit Manager assessment in us-west-2, none with account 100000000001 in its scope.',
          },
        },
        at,
      );
      const euWest: GovernanceTarget = { ...home, region: 'eu-west-1' };
      await stores.snapshots.replaceConformanceScores(euWest, [
        {
          ...euWest,
          packName: 'p',
          complianceType: 'COMPLIANT',
          compliantRules: 10,
          nonCompliantRules: 0,
          totalRules: 10,
          score: 100,
        },
      ]);
      await stores.syncState.recordOutcome(
        'config',
        {
          target: euWest,
          status: 'ok',
          pages: 1,
          rows: 1,
          coverage: {
            regions: [
              {
                region: 'eu-west-1',
                method: 'config-aggregator',
                detail:
                  '1 conformance pack reported through AWS Config aggregator org',
              },
            ],
            scope: 'AWS Config aggregator org reports 1 conformance pack.',
          },
        },
        at,
      );

      const west2 = await signals.signalsFor('us-west-2');
      expect(west2.security).toEqual({
        status: 'unknown',
        detail: expect.stringContaining(
          'no proof that Security Hub covers the location: Security Hub: The finding aggregator in us-east-1 links ALL_REGIONS_EXCEPT_SPECIFIED: every Region of aws in the location catalog except us-west-2. (accounts 100000000001, 100000000002)',
        ),
        blockers: [],
      });
      expect(west2.resilience).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining('0 of 1 Resilience Hub application'),
      });
      expect(west2.audit).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining('none with account 100000000001'),
      });

      const eu = await signals.signalsFor('eu-west-1');
      expect(eu.security).toMatchObject({
        status: 'pass',
        detail: expect.stringContaining(
          'covered: linked to the finding aggregator in us-east-1',
        ),
        observedAt: at,
      });
      expect(eu.audit).toMatchObject({
        status: 'pass',
        detail: expect.stringContaining('covered: 1 conformance pack'),
      });
      expect(eu.resilience!.status).toBe('unknown');

      // One account without the proof: not every account's findings reach
      // the aggregation Region, so no pass.
      await stores.syncState.recordOutcome(
        'securityhub',
        {
          target: other,
          status: 'ok',
          pages: 1,
          rows: 0,
          coverage: {
            regions: [
              {
                region: 'us-east-1',
                method: 'aggregation-region',
                detail: 'findings are read in us-east-1',
              },
            ],
            scope:
              'Account 100000000002 has no finding aggregator in us-east-1: findings of other Regions are not aggregated there, only us-east-1 is covered.',
          },
        },
        at,
      );
      expect((await signals.signalsFor('eu-west-1')).security).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining(
          'Account 100000000002 has no finding aggregator',
        ),
      });
      // A failed run keeps the last good coverage (stale); an unavailable
      // service has none.
      await stores.syncState.recordOutcome(
        'config',
        {
          target: euWest,
          status: 'unavailable',
          reasonKind: 'not-enabled',
          pages: 0,
          rows: 0,
        },
        at,
      );
      expect(
        (await stores.syncState.coverage({ source: 'config' }))[0].proofs,
      ).toEqual([]);
    });
  },
);

describe('regionCoverage', () => {
  const state = (patch: Partial<GovernanceFreshness>): GovernanceFreshness => ({
    source: 'securityhub',
    partition: 'aws',
    accountId: '1',
    region: 'us-east-1',
    status: 'ok',
    lastSuccessAt: '2026-11-26T10:00:00.000Z',
    pages: 1,
    rows: 1,
    ...patch,
  });
  const proving = (accountId: string, region: string, regions: string[]) => ({
    source: 'securityhub',
    partition: 'aws',
    accountId,
    region,
    scope: `scope of ${accountId}`,
    proofs: regions.map(r => ({
      region: r,
      method: 'finding-aggregator',
      detail: `linked ${r}`,
    })),
  });

  it('needs every synced target to prove the Region under `every`', () => {
    const states = [state({ accountId: '1' }), state({ accountId: '2' })];
    const both = [
      proving('1', 'us-east-1', ['eu-west-1']),
      proving('2', 'us-east-1', ['eu-west-1']),
    ];
    expect(
      regionCoverage(states, both, ['securityhub'], 'eu-west-1', 'every'),
    ).toEqual({ covered: true, proofs: ['linked eu-west-1'], gaps: [] });
    const one = [both[0], proving('2', 'us-east-1', [])];
    expect(
      regionCoverage(states, one, ['securityhub'], 'eu-west-1', 'every'),
    ).toEqual({
      covered: false,
      proofs: ['linked eu-west-1'],
      gaps: ['Security Hub: scope of 2 (account 2)'],
    });
  });

  it('ignores unavailable and never-synced targets, and says so when nothing synced', () => {
    const states = [
      state({ accountId: '1', status: 'unavailable' }),
      state({ accountId: '2', status: 'stale', lastSuccessAt: undefined }),
    ];
    expect(
      regionCoverage(states, [], ['securityhub'], 'eu-west-1', 'every'),
    ).toEqual({
      covered: false,
      proofs: [],
      gaps: ['no successful Security Hub sync'],
    });
  });

  it('needs one target proving the Region under `any`, and names what the targets there said', () => {
    const states = [
      state({ source: 'resiliencehub', accountId: '1', region: 'eu-west-1' }),
      state({ source: 'resiliencehub', accountId: '2', region: 'eu-west-1' }),
      state({ source: 'resiliencehub', accountId: '1', region: 'us-east-1' }),
    ];
    const coverage = [
      { ...proving('1', 'eu-west-1', []), source: 'resiliencehub' },
      { ...proving('2', 'eu-west-1', ['eu-west-1']), source: 'resiliencehub' },
      { ...proving('1', 'us-east-1', ['us-east-1']), source: 'resiliencehub' },
    ];
    expect(
      regionCoverage(states, coverage, ['resiliencehub'], 'eu-west-1', 'any')
        .covered,
    ).toBe(true);
    const notThere = regionCoverage(
      states,
      coverage.slice(0, 1),
      ['resiliencehub'],
      'eu-west-1',
      'any',
    );
    expect(notThere).toEqual({
      covered: false,
      proofs: [],
      gaps: [
        'Resilience Hub: scope of 1 (account 1)',
        'Resilience Hub: the provider reported no coverage (account 2)',
      ],
    });
    expect(
      regionCoverage(states, coverage, ['resiliencehub'], 'ap-south-1', 'any')
        .gaps,
    ).toEqual(['Resilience Hub is not read in ap-south-1']);
  });
});
