import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_REGION_EXPANSION_LOCATION } from '@region-expansion/plugin-region-expansion-common';

/**
 * What the permission rules judge: where a location, cell or governance
 * record sits. A location has no account of its own (`accountId` absent).
 *
 * @public
 */
export interface RegionExpansionScopedResource {
  /** Partition id, for example `aws-eusc`. */
  partition: string;
  /** Region, Local Zone or Outpost id, when the record has one. */
  region?: string;
  /** 12-digit AWS account id, when the record has one. */
  accountId?: string;
}

/**
 * One rule as a store query: the records whose `key` is one of `values`.
 *
 * @public
 */
export interface RegionExpansionScopeQuery {
  /** The field of the record the rule looks at. */
  key: keyof RegionExpansionScopedResource;
  /** The values the rule allows; a record matches when its field is one. */
  values: string[];
}

/**
 * The resource of the Region Expansion permissions (`region-expansion-location`).
 *
 * @public
 */
export const regionExpansionLocationResourceRef = createPermissionResourceRef<
  RegionExpansionScopedResource,
  RegionExpansionScopeQuery
>().with({
  pluginId: 'region-expansion',
  resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
});
