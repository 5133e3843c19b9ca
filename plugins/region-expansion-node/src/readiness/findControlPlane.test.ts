import { LocationCatalog } from '../locations/LocationCatalog';
import { controlPlaneFixture } from '../testUtils';
import { findControlPlane } from './findControlPlane';

describe('findControlPlane', () => {
  const catalog = LocationCatalog.fromSnapshot();
  it('finds the control plane managing a Region', () => {
    const found = findControlPlane(
      catalog.require('eu-west-1'),
      catalog.partition('aws'),
      [controlPlaneFixture],
    );
    expect(found.controlPlane?.id).toBe('cp-eu');
    expect(found.signal).toBeUndefined();
  });
  it('warns when no control plane manages a commercial Region', () => {
    const found = findControlPlane(
      catalog.require('eu-west-2'),
      catalog.partition('aws'),
      [controlPlaneFixture],
    );
    expect(found.signal?.status).toBe('warn');
    expect(found.blockers).toEqual([]);
  });
  it('fails in aws-eusc without a partition control plane', () => {
    const found = findControlPlane(
      catalog.require('eusc-de-east-1'),
      catalog.partition('aws-eusc'),
      [
        {
          ...controlPlaneFixture,
          partition: 'aws-eusc',
          mode: 'regional',
          homeLocation: 'eusc-de-east-1',
          managedLocations: ['eusc-de-east-1'],
        },
      ],
    );
    expect(found.signal?.status).toBe('fail');
    expect(found.blockers[0].check).toBe('sovereignty');
  });
});
