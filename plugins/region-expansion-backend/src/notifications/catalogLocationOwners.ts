import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog module's annotation naming a Resource's location id. */
const LOCATION_ANNOTATION = 'region-expansion.io/location';

/**
 * Owners of each location's catalog Resource (the one the catalog module
 * emits with the `region-expansion.io/location` annotation), as entity
 * refs. A location without a Resource has no owners.
 */
export type LocationOwners = (
  locationIds: readonly string[],
) => Promise<Map<string, string[]>>;

/** {@link LocationOwners} read from the catalog with the plugin's own credentials. */
export function catalogLocationOwners(options: {
  catalog: CatalogService;
  auth: AuthService;
}): LocationOwners {
  const { catalog, auth } = options;
  return async locationIds => {
    const owners = new Map<string, string[]>();
    if (locationIds.length === 0) return owners;
    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          [`metadata.annotations.${LOCATION_ANNOTATION}`]: [...locationIds],
        },
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      const locationId = entity.metadata.annotations?.[LOCATION_ANNOTATION];
      const owner = entity.spec?.owner;
      if (!locationId || typeof owner !== 'string') continue;
      const ref = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
        }),
      );
      owners.set(locationId, [...(owners.get(locationId) ?? []), ref]);
    }
    return owners;
  };
}
