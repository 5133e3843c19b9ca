import {
  evidenceFreshness,
  regionCoverage,
  type GovernanceSyncState,
} from './governanceEvidence';

const NOW = new Date('2026-11-26T12:00:00.000Z');

/** A Security Hub target (account 1, us-east-1) that synced 2 hours before NOW. */
const state = (patch: Partial<GovernanceSyncState>): GovernanceSyncState => ({
  source: 'securityhub',
  partition: 'aws',
  accountId: '1',
  region: 'us-east-1',
  status: 'ok',
  lastSuccessAt: '2026-11-26T10:00:00.000Z',
  ...patch,
});

describe('evidenceFreshness', () => {
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
      evidenceFreshness(states as unknown as GovernanceSyncState[], NOW, 24)
        .state,
    ).toBe(expected);
  });
});

describe('regionCoverage', () => {
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
