import type { Entity } from '@backstage/catalog-model';

/**
 * Annotation on a Region, Local Zone or Outpost resource naming its location id.
 *
 * @public
 */
export const LOCATION_ANNOTATION = 'region-expansion.io/location';

/**
 * Annotation on a cell resource naming its cell id.
 *
 * @public
 */
export const CELL_ANNOTATION = 'region-expansion.io/cell';

/**
 * Annotation on a component listing the location ids it is deployed to,
 * comma-separated.
 *
 * @public
 */
export const DEPLOYMENTS_ANNOTATION = 'region-expansion.io/deployments';

const RESOURCE_TYPES = ['aws-region', 'aws-local-zone', 'aws-outpost', 'cell'];

/**
 * Whether the entity is a Region, Local Zone, Outpost or cell resource that
 * names its location or cell, so the readiness card has something to show.
 *
 * @public
 */
export function isRegionExpansionResource(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    RESOURCE_TYPES.includes(String(entity.spec?.type)) &&
    Boolean(annotations[LOCATION_ANNOTATION] || annotations[CELL_ANNOTATION])
  );
}

/**
 * The location ids of the deployments annotation, trimmed, without empties.
 *
 * @public
 */
export function deploymentLocationIds(entity: Entity): string[] {
  return (entity.metadata.annotations?.[DEPLOYMENTS_ANNOTATION] ?? '')
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
}

/**
 * Whether the entity lists at least one regional deployment.
 *
 * @public
 */
export function hasRegionalDeployments(entity: Entity): boolean {
  return deploymentLocationIds(entity).length > 0;
}
