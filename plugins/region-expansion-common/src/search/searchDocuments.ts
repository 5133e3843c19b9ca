import type { CellIsolation, CellLifecycle } from '../types/cells';
import type { LocationKind } from '../types/locations';
import type { ReadinessLevel } from '../types/readiness';
import type { TenantTier } from '../types/tenants';

/**
 * Search document types of the region-expansion collators, one per read
 * permission: the search backend hides a whole type from a user its
 * visibility permission denies, so locations, cells and tenants are indexed
 * apart.
 *
 * @public
 */
export const REGION_EXPANSION_SEARCH_TYPES = {
  location: 'region-expansion-location',
  cell: 'region-expansion-cell',
  tenant: 'region-expansion-tenant',
} as const;

/**
 * One of {@link REGION_EXPANSION_SEARCH_TYPES}.
 *
 * @public
 */
export type RegionExpansionSearchType =
  (typeof REGION_EXPANSION_SEARCH_TYPES)[keyof typeof REGION_EXPANSION_SEARCH_TYPES];

/**
 * Whether a search result's `type` is one the region-expansion collators
 * index.
 *
 * @public
 */
export function isRegionExpansionSearchType(
  type: string,
): type is RegionExpansionSearchType {
  return (Object.values(REGION_EXPANSION_SEARCH_TYPES) as string[]).includes(
    type,
  );
}

/**
 * Fields every region-expansion search document has.
 *
 * @public
 */
export interface RegionExpansionSearchDocumentBase {
  /** What the result shows as its title. */
  title: string;
  /** Free text the search engine matches besides the title. */
  text: string;
  /** Path of the portal page that shows the resource. */
  location: string;
  /** Id of the resource in the region-expansion API. */
  id: string;
}

/**
 * A Region, Local Zone or Outpost as the search index holds it.
 *
 * @public
 */
export interface LocationSearchDocument
  extends RegionExpansionSearchDocumentBase {
  /** Region, Local Zone or Outpost. */
  kind: LocationKind;
  /** Partition id, for example `aws-eusc`. */
  partition: string;
  /** ISO 3166-1 alpha-2 code of the country. */
  country: string;
  /** Latest readiness level; absent when the location was never evaluated. */
  readiness?: ReadinessLevel;
}

/**
 * A cell as the search index holds it.
 *
 * @public
 */
export interface CellSearchDocument extends RegionExpansionSearchDocumentBase {
  /** Always `cell`. */
  kind: 'cell';
  /** Partition id of the cell's location. */
  partition: string;
  /** Region, Local Zone or Outpost the cell runs in. */
  locationId: string;
  /** Where the cell is in its lifecycle, for example `active`. */
  lifecycle: CellLifecycle;
  /** Whether the cell pools tenants or is dedicated to one. */
  isolation: CellIsolation;
  /** Tenants placed in the cell. */
  tenantCount: number;
  /** Most tenants the cell takes. */
  tenantCapacity: number;
}

/**
 * A tenant as the search index holds it.
 *
 * @public
 */
export interface TenantSearchDocument
  extends RegionExpansionSearchDocumentBase {
  /** Always `tenant`. */
  kind: 'tenant';
  /** Service tier of the tenant. */
  tier: TenantTier;
  /** Cell of a placed tenant; absent while unplaced. */
  cellId?: string;
  /** Location of a placed tenant's cell; absent while unplaced. */
  locationId?: string;
  /** Partition of a placed tenant's cell; absent while unplaced. */
  partition?: string;
}

/**
 * A document of one of the region-expansion search types.
 *
 * @public
 */
export type RegionExpansionSearchDocument =
  | LocationSearchDocument
  | CellSearchDocument
  | TenantSearchDocument;
