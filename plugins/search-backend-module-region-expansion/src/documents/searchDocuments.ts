import type { IndexableDocument } from '@backstage/plugin-search-common';
import {
  toRegionExpansionResourceRef,
  type RegionExpansionResourceKind,
} from '@region-expansion/plugin-region-expansion-common';
import type {
  Cell,
  CellSearchDocument,
  Location,
  LocationKind,
  LocationSearchDocument,
  ReadinessLevel,
  Tenant,
  TenantSearchDocument,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * A search document as indexed: locations and cells carry the
 * `authorization.resourceRef` of their resource.
 *
 * @public
 */
export type Indexable<T> = T & IndexableDocument;

const KIND_NAMES: Record<LocationKind, string> = {
  region: 'Region',
  'local-zone': 'Local Zone',
  outpost: 'Outpost',
};

/**
 * What the search backend checks a result against when a policy answers
 * `region-expansion.location.read` conditionally (a scoped role).
 */
function authorizedAs(kind: RegionExpansionResourceKind, id: string) {
  return {
    authorization: { resourceRef: toRegionExpansionResourceRef(kind, id) },
  };
}

/**
 * A Region, Local Zone or Outpost as a search document, linking to its
 * Region page under `basePath`.
 *
 * @public
 */
export function locationToSearchDocument(
  location: Location,
  readiness: ReadinessLevel | undefined,
  basePath: string,
): Indexable<LocationSearchDocument> {
  const kindName = KIND_NAMES[location.kind];
  const parent = location.parentRegion ? ` of ${location.parentRegion}` : '';
  return {
    title: location.name,
    text: `${kindName} ${location.id}${parent} in partition ${
      location.partition
    }, country ${location.country}. Readiness: ${
      readiness ?? 'not evaluated'
    }.`,
    location: `${basePath}/regions/${encodeURIComponent(location.id)}`,
    id: location.id,
    kind: location.kind,
    partition: location.partition,
    country: location.country,
    ...(readiness ? { readiness } : {}),
    ...authorizedAs('location', location.id),
  };
}

/**
 * A cell as a search document, linking to its cell page under `basePath`.
 *
 * @public
 */
export function cellToSearchDocument(
  cell: Cell,
  basePath: string,
): Indexable<CellSearchDocument> {
  return {
    title: cell.name,
    text: `Cell ${cell.id} in ${cell.locationId} (partition ${cell.partition}), ${cell.lifecycle}, ${cell.isolation}: ${cell.usage.tenants} of ${cell.capacity.tenants} tenants, ${cell.usage.loadUnits} of ${cell.capacity.loadUnits} load units.`,
    location: `${basePath}/cells/${encodeURIComponent(cell.id)}`,
    id: cell.id,
    kind: 'cell',
    partition: cell.partition,
    locationId: cell.locationId,
    lifecycle: cell.lifecycle,
    isolation: cell.isolation,
    tenantCount: cell.usage.tenants,
    tenantCapacity: cell.capacity.tenants,
    ...authorizedAs('cell', cell.id),
  };
}

/**
 * A tenant as a search document, linking to the tenants page with the
 * tenant's drawer open. Tenants are read under `region-expansion.tenant.read`
 * alone, which scopes nothing, so they carry no resource ref. `cell` is the tenant's cell as the collator read it;
 * a tenant placed in a cell created after that read keeps its cell id
 * without a location.
 *
 * @public
 */
export function tenantToSearchDocument(
  tenant: Tenant,
  cell: Pick<Cell, 'id' | 'locationId' | 'partition'> | undefined,
  basePath: string,
): Indexable<TenantSearchDocument> {
  const known = cell && cell.id === tenant.cellId ? cell : undefined;
  let placement = 'not placed in a cell';
  if (known) {
    placement = `in cell ${known.id} (${known.locationId}, partition ${known.partition})`;
  } else if (tenant.cellId) {
    placement = `in cell ${tenant.cellId}`;
  }
  return {
    title: tenant.name,
    text: `Tenant ${tenant.id}, ${tenant.tier} tier, ${tenant.classification} data, ${placement}.`,
    location: `${basePath}/tenants?tenant=${encodeURIComponent(tenant.id)}`,
    id: tenant.id,
    kind: 'tenant',
    tier: tenant.tier,
    ...(tenant.cellId ? { cellId: tenant.cellId } : {}),
    ...(known
      ? { locationId: known.locationId, partition: known.partition }
      : {}),
  };
}
