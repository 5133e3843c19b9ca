import type {
  DataClassification,
  DesignChoice,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations';
import { adviseArchitecture } from '../residency';
import { checkDesignChoice } from './checkDesignChoice';

const catalog = LocationCatalog.fromSnapshot();
const adviceFor = (target: string, classification: DataClassification) => {
  const location = catalog.require(target);
  return adviseArchitecture(location, catalog.partition(location.partition)!, {
    classification,
  });
};

describe('checkDesignChoice', () => {
  it.each<{
    name: string;
    target: string;
    classification: DataClassification;
    chosen: DesignChoice;
    expected: Array<[string, string, string, string]>;
  }>([
    {
      name: 'restricted data in a pooled cell with AWS managed keys',
      target: 'eu-central-1',
      classification: 'restricted',
      chosen: { isolation: 'pool', encryption: 'aws-managed-key' },
      expected: [
        ['isolation', 'pool', 'silo', 'classification-restricted'],
        [
          'encryption',
          'aws-managed-key',
          'cloudhsm',
          'classification-restricted',
        ],
      ],
    },
    {
      name: 'exactly the advice',
      target: 'eu-central-1',
      classification: 'restricted',
      chosen: {
        controlPlane: 'regional',
        isolation: 'silo',
        encryption: 'cloudhsm',
      },
      expected: [],
    },
    {
      name: 'stronger than advised',
      target: 'us-east-1',
      classification: 'internal',
      chosen: {
        controlPlane: 'regional',
        isolation: 'silo',
        encryption: 'external-key-store',
      },
      expected: [],
    },
    {
      name: 'nothing chosen',
      target: 'eusc-de-east-1',
      classification: 'restricted',
      chosen: {},
      expected: [],
    },
    {
      name: 'a global control plane for a sovereign partition',
      target: 'eusc-de-east-1',
      classification: 'internal',
      chosen: { controlPlane: 'global' },
      expected: [
        [
          'controlPlane',
          'global',
          'partition',
          'partition-requires-own-control-plane',
        ],
      ],
    },
    {
      name: 'CloudHSM where restricted data needs an external key store',
      target: 'eusc-de-east-1',
      classification: 'restricted',
      chosen: { encryption: 'cloudhsm' },
      expected: [
        [
          'encryption',
          'cloudhsm',
          'external-key-store',
          'restricted-key-custody',
        ],
      ],
    },
    {
      name: 'a regional control plane for restricted German data in Germany',
      target: 'eu-central-1',
      classification: 'restricted',
      chosen: { controlPlane: 'global' },
      expected: [['controlPlane', 'global', 'regional', 'in-country-regime']],
    },
    {
      name: 'pooled confidential data',
      target: 'eu-west-1',
      classification: 'confidential',
      chosen: { isolation: 'pool', encryption: 'customer-managed-kms-key' },
      expected: [
        ['isolation', 'pool', 'bridge', 'classification-confidential'],
      ],
    },
  ])('$name', ({ target, classification, chosen, expected }) => {
    const violations = checkDesignChoice(
      adviceFor(target, classification),
      chosen,
    );
    expect(
      violations.map(v => [v.field, v.chosen, v.required, v.rule]),
    ).toEqual(expected);
  });

  it('says in the reason what was chosen, what is required, where and why', () => {
    const [violation] = checkDesignChoice(
      adviceFor('eu-central-1', 'restricted'),
      { isolation: 'pool' },
    );
    expect(violation.reason).toBe(
      'pool is weaker than the silo that rule classification-restricted requires in eu-central-1: restricted data suggests silo isolation',
    );
  });

  it('gives the reason of the deciding rule, not the first one', () => {
    const location = catalog.require('eu-west-1');
    const advice = adviseArchitecture(
      location,
      catalog.partition(location.partition)!,
      { classification: 'internal', tier: 'silo' },
    );
    const [violation] = checkDesignChoice(advice, { isolation: 'bridge' });
    expect(violation).toMatchObject({ required: 'silo', rule: 'tenant-tier' });
    expect(violation.reason).toMatch(/the tenant tier asks for silo$/);
  });
});
