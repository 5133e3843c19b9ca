import type { ControlPlane } from '@region-expansion/plugin-region-expansion-common';

/**
 * A regional control plane at home in Frankfurt that manages Frankfurt and
 * Ireland (`cp-eu`), the one the cell fixture points at.
 *
 * @public
 */
export const controlPlaneFixture: ControlPlane = {
  id: 'cp-eu',
  name: 'EU control plane',
  mode: 'regional',
  partition: 'aws',
  homeLocation: 'eu-central-1',
  managedLocations: ['eu-central-1', 'eu-west-1'],
};
