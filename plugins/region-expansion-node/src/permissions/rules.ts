import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  accountIdSchema,
  idSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { z } from 'zod';
import {
  RegionExpansionScopedResource,
  regionExpansionLocationResourceRef,
} from './resourceRef';

/**
 * A partition id: `aws` or `aws-` and lower-case words (`aws-eusc`,
 * `aws-us-gov`).
 *
 * @public
 */
export const partitionIdSchema = z
  .string()
  .regex(
    /^aws(-[a-z]+)*$/,
    'must be a partition id such as aws, aws-eusc or aws-us-gov',
  );

const nonEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, `must name at least one ${what}`);

/** Params of `isInPartition`. */
export const isInPartitionParams = z.strictObject({
  partitions: nonEmpty(partitionIdSchema, 'partition').describe(
    'Partition ids, for example aws-eusc',
  ),
});

/** Params of `isInRegion`. */
export const isInRegionParams = z.strictObject({
  regions: nonEmpty(idSchema, 'Region').describe(
    'Region, Local Zone or Outpost ids, for example eusc-de-east-1',
  ),
});

/** Params of `isInAccount`. */
export const isInAccountParams = z.strictObject({
  accountIds: nonEmpty(accountIdSchema, 'account').describe(
    '12-digit AWS account ids',
  ),
});

const within =
  (key: keyof RegionExpansionScopedResource) =>
  (resource: RegionExpansionScopedResource, values: string[]) => {
    const value = resource[key];
    return value !== undefined && values.includes(value);
  };

const inPartition = within('partition');
const inRegion = within('region');
const inAccount = within('accountId');

/**
 * Allows what sits in one of the named partitions.
 *
 * @public
 */
export const isInPartition = createPermissionRule({
  name: 'isInPartition',
  description:
    'Allow locations, cells and governance records in one of the given partitions',
  resourceRef: regionExpansionLocationResourceRef,
  paramsSchema: isInPartitionParams,
  apply: (resource, { partitions }) => inPartition(resource, partitions),
  toQuery: ({ partitions }) => ({ key: 'partition', values: partitions }),
});

/**
 * Allows what sits in one of the named Regions (a location matches by its
 * own id).
 *
 * @public
 */
export const isInRegion = createPermissionRule({
  name: 'isInRegion',
  description:
    'Allow the given locations (Region, Local Zone or Outpost ids), their cells and the governance records of those Regions',
  resourceRef: regionExpansionLocationResourceRef,
  paramsSchema: isInRegionParams,
  apply: (resource, { regions }) => inRegion(resource, regions),
  toQuery: ({ regions }) => ({ key: 'region', values: regions }),
});

/**
 * Allows what runs in one of the named AWS accounts. A location belongs to
 * no account, so it never matches: combine with `isInPartition` or
 * `isInRegion` in `anyOf` to also show locations.
 *
 * @public
 */
export const isInAccount = createPermissionRule({
  name: 'isInAccount',
  description:
    'Allow cells and governance records of the given AWS accounts. A location belongs to no account and never matches: combine with isInPartition or isInRegion in anyOf to show locations too',
  resourceRef: regionExpansionLocationResourceRef,
  paramsSchema: isInAccountParams,
  apply: (resource, { accountIds }) => inAccount(resource, accountIds),
  toQuery: ({ accountIds }) => ({ key: 'accountId', values: accountIds }),
});

/**
 * Every rule of the `region-expansion-location` resource type, for
 * registration with the permissions registry.
 *
 * @public
 */
export const regionExpansionLocationRules = {
  isInPartition,
  isInRegion,
  isInAccount,
};
