import { Entity } from '@backstage/catalog-model';

/**
 * The Resource the catalog module emits for a location, owned by `owner`:
 * what the notifier reads a location's owners from.
 */
export function locationResource(locationId: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: locationId,
      annotations: { 'region-expansion.io/location': locationId },
    },
    spec: { type: 'aws-region', owner },
  };
}
