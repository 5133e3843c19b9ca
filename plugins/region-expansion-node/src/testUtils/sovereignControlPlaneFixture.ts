import type { ControlPlane } from '@region-expansion/plugin-region-expansion-common';

/**
 * The partition control plane of the AWS European Sovereign Cloud
 * (`cp-eusc`, at home in and managing `eusc-de-east-1`): what a location of
 * a separate partition needs before it can be more than blocked.
 *
 * @public
 */
export const sovereignControlPlaneFixture: ControlPlane = {
  id: 'cp-eusc',
  name: 'EUSC',
  mode: 'partition',
  partition: 'aws-eusc',
  homeLocation: 'eusc-de-east-1',
  managedLocations: ['eusc-de-east-1'],
};
