import type { ControlPlane } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  controlPlaneFixture,
  sovereignControlPlaneFixture,
} from '../testUtils';
import { findControlPlane } from './findControlPlane';

describe('findControlPlane', () => {
  const catalog = LocationCatalog.fromSnapshot();
  /** The control plane for `locationId` (in its own partition) among `controlPlanes`. */
  const find = (locationId: string, controlPlanes: ControlPlane[]) => {
    const location = catalog.require(locationId);
    return findControlPlane(
      location,
      catalog.partition(location.partition),
      controlPlanes,
    );
  };
  it('finds the control plane managing a Region', () => {
    const found = find('eu-west-1', [controlPlaneFixture]);
    expect(found.controlPlane?.id).toBe('cp-eu');
    expect(found.signal).toBeUndefined();
  });
  it('warns when no control plane manages a commercial Region', () => {
    const found = find('eu-west-2', [controlPlaneFixture]);
    expect(found.signal?.status).toBe('warn');
    expect(found.blockers).toEqual([]);
  });
  it('fails in aws-eusc without a partition control plane', () => {
    const found = find('eusc-de-east-1', [
      { ...sovereignControlPlaneFixture, mode: 'regional' },
    ]);
    expect(found.signal?.status).toBe('fail');
    expect(found.blockers[0].check).toBe('sovereignty');
  });
});
