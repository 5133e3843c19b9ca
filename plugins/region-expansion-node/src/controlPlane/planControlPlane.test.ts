import { DomainRuleError } from '../locations/errors';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  planControlPlane,
  type PlanControlPlaneInput,
} from './planControlPlane';

const catalog = LocationCatalog.fromSnapshot();

function refusal(input: PlanControlPlaneInput): DomainRuleError {
  try {
    planControlPlane(input, catalog);
  } catch (error) {
    if (error instanceof DomainRuleError) return error;
    throw error;
  }
  throw new Error('expected a DomainRuleError');
}

describe('planControlPlane', () => {
  it.each([
    {
      name: 'a global control plane runs in the partition home Region',
      input: { targetLocation: 'eu-central-1', controlPlaneMode: 'global' },
      plane: { mode: 'global', partition: 'aws', homeLocation: 'us-east-1' },
    },
    {
      name: "a regional one runs in the target's Region",
      input: { targetLocation: 'eu-central-1', controlPlaneMode: 'regional' },
      plane: {
        mode: 'regional',
        partition: 'aws',
        homeLocation: 'eu-central-1',
      },
    },
    {
      name: 'a partition control plane runs inside aws-eusc',
      input: {
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
      },
      plane: {
        mode: 'partition',
        partition: 'aws-eusc',
        homeLocation: 'eusc-de-east-1',
      },
    },
  ] as const)('$name', ({ input, plane }) => {
    expect(planControlPlane({ name: 'pay', ...input }, catalog)).toEqual({
      id: 'pay-cp',
      name: `pay control plane (${plane.mode})`,
      managedLocations: [input.targetLocation],
      ...plane,
    });
  });

  it('keeps a given control plane id', () => {
    expect(
      planControlPlane(
        {
          name: 'pay',
          targetLocation: 'eu-west-1',
          controlPlaneMode: 'regional',
          controlPlaneId: 'shared-cp',
        },
        catalog,
      ).id,
    ).toBe('shared-cp');
  });

  it.each([
    {
      name: 'a global control plane for aws-eusc',
      input: { targetLocation: 'eusc-de-east-1', controlPlaneMode: 'global' },
      field: 'controlPlaneMode',
      reason: /^'global' is forbidden in partition aws-eusc/,
    },
    {
      name: "mode 'partition' in aws",
      input: { targetLocation: 'eu-west-1', controlPlaneMode: 'partition' },
      field: 'controlPlaneMode',
      reason: /^'partition' is for separate partitions/,
    },
    {
      name: 'an unknown target',
      input: { targetLocation: 'mars-1', controlPlaneMode: 'regional' },
      field: 'targetLocation',
      reason: /^unknown location 'mars-1'/,
    },
    {
      name: 'a malformed control plane id',
      input: {
        targetLocation: 'eu-west-1',
        controlPlaneMode: 'regional',
        controlPlaneId: 'Not An Id',
      },
      field: 'controlPlaneId',
      reason: /./,
    },
  ] as const)('refuses $name naming $field', ({ input, field, reason }) => {
    const error = refusal({ name: 'pay', ...input });
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});
