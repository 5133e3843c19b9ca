import type { Entity } from '@backstage/catalog-model';
import { LOCATION_ANNOTATION, isRegionExpansionResource } from './conditions';

/**
 * Whether the entity is a Region, Local Zone or Outpost resource naming its
 * location: a campaign launches a location, so cells show no campaign card.
 *
 * @public
 */
export function isLaunchLocationResource(entity: Entity): boolean {
  return (
    isRegionExpansionResource(entity) &&
    entity.spec?.type !== 'cell' &&
    Boolean(entity.metadata.annotations?.[LOCATION_ANNOTATION])
  );
}
