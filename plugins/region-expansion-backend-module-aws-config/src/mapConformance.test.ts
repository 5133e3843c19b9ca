import type {
  AggregateComplianceByConformancePack,
  ConfigurationAggregator,
} from '@aws-sdk/client-config-service';
import {
  aggregatorCovers,
  chooseAggregator,
  conformanceCoverage,
  conformanceScoreRow,
} from './mapConformance';

describe('conformanceScoreRow', () => {
  const item = (compliance: Record<string, unknown>) =>
    ({
      ConformancePackName: 'pack',
      AccountId: '333333333333',
      AwsRegion: 'r-1',
      Compliance: compliance,
    } as AggregateComplianceByConformancePack);

  it.each([
    [
      'partly compliant',
      {
        ComplianceType: 'NON_COMPLIANT',
        CompliantRuleCount: 2,
        NonCompliantRuleCount: 1,
        TotalRuleCount: 3,
      },
      {
        complianceType: 'NON_COMPLIANT',
        compliantRules: 2,
        nonCompliantRules: 1,
        totalRules: 3,
        score: 66.67,
      },
    ],
    [
      'fully compliant',
      {
        ComplianceType: 'COMPLIANT',
        CompliantRuleCount: 4,
        NonCompliantRuleCount: 0,
        TotalRuleCount: 4,
      },
      {
        complianceType: 'COMPLIANT',
        compliantRules: 4,
        nonCompliantRules: 0,
        totalRules: 4,
        score: 100,
      },
    ],
    [
      'no rules scores 0 and an unknown type is kept',
      { ComplianceType: 'SOMETHING_NEW' },
      {
        complianceType: 'SOMETHING_NEW',
        compliantRules: 0,
        nonCompliantRules: 0,
        totalRules: 0,
        score: 0,
      },
    ],
    [
      'missing total is the sum; missing type is INSUFFICIENT_DATA',
      { CompliantRuleCount: 1, NonCompliantRuleCount: 3 },
      {
        complianceType: 'INSUFFICIENT_DATA',
        compliantRules: 1,
        nonCompliantRules: 3,
        totalRules: 4,
        score: 25,
      },
    ],
  ])('%s', (_, compliance, expected) => {
    expect(conformanceScoreRow(item(compliance), 'p')).toEqual({
      partition: 'p',
      accountId: '333333333333',
      region: 'r-1',
      packName: 'pack',
      ...expected,
    });
  });
});

describe('chooseAggregator', () => {
  const a = (name: string, kind: 'org' | 'all' | 'some') =>
    ({
      ConfigurationAggregatorName: name,
      ...(kind === 'org'
        ? {
            OrganizationAggregationSource: {
              RoleArn: 'r',
              AllAwsRegions: true,
            },
          }
        : {
            AccountAggregationSources: [
              { AccountIds: ['1'], AllAwsRegions: kind === 'all' },
            ],
          }),
    } as ConfigurationAggregator);

  it.each([
    ['none', [], undefined],
    ['organization first', [a('b', 'some'), a('c', 'all'), a('z', 'org')], 'z'],
    ['all Regions before some', [a('b', 'some'), a('c', 'all')], 'c'],
    ['by name among equals', [a('y', 'some'), a('x', 'some')], 'x'],
  ])('%s', (_, input, expected) => {
    expect(chooseAggregator(input)).toBe(expected);
  });
});

describe('aggregatorCovers', () => {
  const organization = (source: object) => ({
    ConfigurationAggregatorName: 'org',
    OrganizationAggregationSource: { RoleArn: 'r', ...source },
  });
  it.each([
    [
      'an organization source over all Regions',
      organization({ AllAwsRegions: true }),
      true,
    ],
    [
      'an organization source listing the Region',
      organization({ AwsRegions: ['eu-west-1'] }),
      true,
    ],
    [
      'an organization source not listing it',
      organization({ AwsRegions: ['us-east-1'] }),
      false,
    ],
    [
      'an account source listing the account, all Regions',
      {
        AccountAggregationSources: [
          { AccountIds: ['111111111111'], AllAwsRegions: true },
        ],
      },
      true,
    ],
    [
      'an account source of other accounts',
      {
        AccountAggregationSources: [
          { AccountIds: ['222222222222'], AllAwsRegions: true },
        ],
      },
      false,
    ],
    [
      'an account source of the account in other Regions',
      {
        AccountAggregationSources: [
          { AccountIds: ['111111111111'], AwsRegions: ['us-east-1'] },
        ],
      },
      false,
    ],
  ])('%s → %s', (_, aggregator, expected) => {
    expect(aggregatorCovers(aggregator, '111111111111', 'eu-west-1')).toBe(
      expected,
    );
    const coverage = conformanceCoverage(
      { partition: 'aws', accountId: '111111111111', region: 'eu-west-1' },
      aggregator,
      3,
    );
    expect(coverage.regions.length).toBe(expected ? 1 : 0);
  });

  it('proves nothing for an aggregated Region without conformance packs', () => {
    const coverage = conformanceCoverage(
      { partition: 'aws', accountId: '111111111111', region: 'eu-west-1' },
      organization({ AllAwsRegions: true }),
      0,
    );
    expect(coverage).toEqual({
      regions: [],
      scope:
        'AWS Config aggregator org aggregates account 111111111111 in eu-west-1 but reports no conformance pack there.',
    });
  });
});
