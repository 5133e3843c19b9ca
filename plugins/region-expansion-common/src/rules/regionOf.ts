import type { Location } from '../types';

/**
 * The Region a location runs in: itself, or the parent Region of a Local
 * Zone or Outpost. Guardrails allow it, a regional control plane and the
 * generated cells run in it, and governance sources are read there.
 *
 * @public
 */
export function regionOf(
  location: Pick<Location, 'id' | 'parentRegion'>,
): string {
  return location.parentRegion || location.id;
}
