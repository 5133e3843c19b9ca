import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { locationReadPermission } from '@region-expansion/plugin-region-expansion-common';
import {
  createRegionExpansionConditionalDecision,
  regionExpansionConditions as conditions,
} from './conditions';
import { isInScope, scopeFromConditions } from './scope';

const eusc = { partition: 'aws-eusc', region: 'eusc-de-east-1' };
const dublin = { partition: 'aws', region: 'eu-west-1' };
const dublinCell = { ...dublin, accountId: '111122223333' };

describe('regionExpansionConditions', () => {
  it('builds a conditional decision of the region-expansion-location type', () => {
    const decision = createRegionExpansionConditionalDecision(
      locationReadPermission,
      conditions.isInPartition({ partitions: ['aws-eusc'] }),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'region-expansion',
      resourceType: 'region-expansion-location',
      conditions: {
        rule: 'isInPartition',
        resourceType: 'region-expansion-location',
        params: { partitions: ['aws-eusc'] },
      },
    });
  });
});

describe('isInScope', () => {
  const partition = conditions.isInPartition({ partitions: ['aws-eusc'] });
  const region = conditions.isInRegion({ regions: ['eu-west-1'] });
  const account = conditions.isInAccount({ accountIds: ['111122223333'] });

  it.each([
    ['isInPartition, inside', partition, eusc, true],
    ['isInPartition, outside', partition, dublin, false],
    ['isInRegion, inside', region, dublinCell, true],
    ['isInRegion, outside', region, eusc, false],
    ['isInAccount, a cell of the account', account, dublinCell, true],
    ['isInAccount never matches a location', account, dublin, false],
    ['anyOf', { anyOf: [partition, region] }, dublin, true],
    ['allOf', { allOf: [region, account] }, dublin, false],
    ['not', { not: partition }, dublin, true],
  ] as const)('%s', (_, criteria, resource, expected) => {
    expect(isInScope(scopeFromConditions(criteria as any), resource)).toBe(
      expected,
    );
  });

  it('lets everything through without a scope (unconditional ALLOW)', () => {
    expect(isInScope(undefined, dublin)).toBe(true);
  });
});

describe('scopeFromConditions', () => {
  const condition = (rule: string, params: unknown) =>
    ({ rule, resourceType: 'region-expansion-location', params } as any);

  it.each([
    [
      'a partition id of the wrong shape',
      condition('isInPartition', { partitions: ['EUSC!'] }),
      /conditions\.isInPartition\.partitions\.0: must be a partition id/,
    ],
    [
      'an empty list',
      condition('isInRegion', { regions: [] }),
      /conditions\.isInRegion\.regions: must name at least one Region/,
    ],
    [
      'an account id of 11 digits',
      condition('isInAccount', { accountIds: ['11112222333'] }),
      /conditions\.isInAccount\.accountIds\.0: must be a 12-digit AWS account id/,
    ],
    [
      'an unknown rule, deep in the criteria',
      { anyOf: [condition('isOwner', {})] },
      /conditions\.anyOf\[0\]\.rule: 'isOwner' is not a rule/,
    ],
    [
      'a rule name inherited from Object',
      condition('toString', {}),
      /'toString' is not a rule/,
    ],
  ])('refuses %s, naming the field', (_, criteria, message) => {
    expect(() => scopeFromConditions(criteria)).toThrow(message);
    expect(() => scopeFromConditions(criteria)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
