import { findingAggregatorCoverage } from './findingAggregatorCoverage';

const target = {
  partition: 'aws',
  accountId: '111111111111',
  region: 'us-east-1',
};
const partitionRegions = ['eu-west-1', 'us-east-1', 'us-west-2'];
const covered = (
  aggregators: Parameters<typeof findingAggregatorCoverage>[1],
  options?: { unreadable?: string },
) => findingAggregatorCoverage(target, aggregators, partitionRegions, options);

describe('findingAggregatorCoverage', () => {
  it.each([
    [
      'no aggregator',
      [],
      ['us-east-1'],
      /has no finding aggregator in us-east-1/,
    ],
    [
      'an aggregator into another Region',
      [
        {
          aggregationRegion: 'eu-west-1',
          linkingMode: 'ALL_REGIONS',
          regions: [],
        },
      ],
      ['us-east-1'],
      /aggregates into eu-west-1, not us-east-1/,
    ],
    [
      'ALL_REGIONS',
      [
        {
          aggregationRegion: 'us-east-1',
          linkingMode: 'ALL_REGIONS',
          regions: [],
        },
      ],
      ['us-east-1', 'eu-west-1', 'us-west-2'],
      /links ALL_REGIONS: every Region of aws/,
    ],
    [
      'ALL_REGIONS_EXCEPT_SPECIFIED',
      [
        {
          aggregationRegion: 'us-east-1',
          linkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED',
          regions: ['us-west-2'],
        },
      ],
      ['us-east-1', 'eu-west-1'],
      /except us-west-2\./,
    ],
    [
      'SPECIFIED_REGIONS',
      [
        {
          aggregationRegion: 'us-east-1',
          linkingMode: 'SPECIFIED_REGIONS',
          regions: ['eu-west-1'],
        },
      ],
      ['us-east-1', 'eu-west-1'],
      /SPECIFIED_REGIONS: eu-west-1; no other Region of aws\./,
    ],
    [
      'NO_REGIONS',
      [
        {
          aggregationRegion: 'us-east-1',
          linkingMode: 'NO_REGIONS',
          regions: [],
        },
      ],
      ['us-east-1'],
      /links NO_REGIONS: only us-east-1/,
    ],
    [
      'an unknown mode and text where a Region code belongs',
      [
        {
          aggregationRegion: 'us-east-1',
          linkingMode: 'arn:aws:iam::1:role/x',
          regions: ['arn:aws:iam::1:role/x'],
        },
      ],
      ['us-east-1'],
      /links NO_REGIONS: only us-east-1/,
    ],
  ] as const)('%s', (_, aggregators, regions, scope) => {
    const coverage = covered([...aggregators]);
    expect(coverage.regions.map(r => r.region)).toEqual(regions);
    expect(coverage.regions[0]).toMatchObject({ method: 'aggregation-region' });
    expect(
      coverage.regions.slice(1).every(r => r.method === 'finding-aggregator'),
    ).toBe(true);
    expect(coverage.scope).toMatch(scope);
    expect(coverage.scope).not.toContain('arn:');
  });

  it('proves only the Region read when the aggregator could not be read', () => {
    const coverage = covered([], { unreadable: 'access-denied' });
    expect(coverage.regions.map(r => r.region)).toEqual(['us-east-1']);
    expect(coverage.scope).toMatch(/could not be read \(access-denied\)/);
  });
});
