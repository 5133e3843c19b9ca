import { z } from 'zod';
import {
  cellManagePermission,
  cellReadPermission,
  controlPlaneManagePermission,
  locationManagePermission,
  locationReadPermission,
} from '../permissions';
import {
  cellLifecycleSchema,
  cellSchema,
  createCellSchema,
  updateCellSchema,
} from '../schemas/cells';
import {
  controlPlaneSchema,
  createControlPlaneSchema,
} from '../schemas/controlPlanes';
import {
  createLocationSchema,
  locationCellSummarySchema,
  locationSchema,
  partitionSchema,
} from '../schemas/locations';
import {
  quotaPlanRequestSchema,
  quotaRequestSchema,
} from '../schemas/placement';
import { idSchema } from '../schemas/primitives';
import { defineRoute } from './route';

/**
 * `{ items }`: the answer of a list route.
 *
 * @public
 */
export const itemsOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item) });

/**
 * Path parameter `{id}` of a cell or a tenant: checked before any lookup.
 *
 * @public
 */
export const idParamsSchema = z.strictObject({ id: idSchema });

const partitionQuerySchema = z.strictObject({
  partition: idSchema
    .optional()
    .describe(
      'Only this partition (an unknown partition is a 400 on /locations and /readiness)',
    ),
});

/** A cell the demo estate holds. */
const DEMO_CELL = 'eu-west-1-p01';

/**
 * Routes of the estate: partitions, locations, control planes and cells.
 *
 * @public
 */
export const estateRoutes = {
  listPartitions: defineRoute({
    method: 'GET',
    path: '/partitions',
    permission: locationReadPermission,
    tag: 'locations',
    summary: 'Every partition',
    response: itemsOf(partitionSchema),
    status: 200,
    responseDescription: 'Partitions',
  }),
  listLocations: defineRoute({
    method: 'GET',
    path: '/locations',
    permission: locationReadPermission,
    tag: 'locations',
    summary:
      'Every location (snapshot Regions plus stored Local Zones and Outposts)',
    query: partitionQuerySchema,
    response: itemsOf(locationSchema),
    status: 200,
    responseDescription: 'Locations ordered by id',
    example: { query: { partition: 'aws-eusc' } },
  }),
  summarizeLocations: defineRoute({
    method: 'GET',
    path: '/locations/summary',
    permission: cellReadPermission,
    tag: 'locations',
    summary: 'Cell and tenant totals per location',
    description:
      'One aggregate row per location that has cells (cell count, pooled cell count, tenants placed, capacity and usage totals), so overviews need not download every cell. Locations without cells are absent.',
    response: itemsOf(locationCellSummarySchema),
    status: 200,
    responseDescription: 'Totals ordered by location id',
  }),
  addLocation: defineRoute({
    method: 'POST',
    path: '/locations',
    permission: locationManagePermission,
    tag: 'locations',
    summary: 'Add a Local Zone or Outpost',
    description:
      "Regions come from the bundled snapshot and cannot be added. Partition and geography default to the parent Region's; jurisdictions are derived from the country when omitted.",
    body: createLocationSchema,
    response: locationSchema,
    status: 201,
    responseDescription: 'The stored location',
    errors: [409],
    example: {
      body: {
        id: 'eu-central-1-ham-1a',
        kind: 'local-zone',
        name: 'Hamburg',
        country: 'DE',
        parentRegion: 'eu-central-1',
      },
    },
  }),
  listControlPlanes: defineRoute({
    method: 'GET',
    path: '/control-planes',
    permission: locationReadPermission,
    tag: 'control-planes',
    summary: 'Every control plane',
    query: partitionQuerySchema,
    response: itemsOf(controlPlaneSchema),
    status: 200,
    responseDescription: 'Control planes ordered by id',
  }),
  addControlPlane: defineRoute({
    method: 'POST',
    path: '/control-planes',
    permission: controlPlaneManagePermission,
    tag: 'control-planes',
    summary: 'Create a control plane',
    description:
      "Home and managed locations must be known and in the control plane's partition. A partition that requires its own control plane needs mode `partition`, and only such partitions may use it.",
    body: createControlPlaneSchema,
    response: controlPlaneSchema,
    status: 201,
    responseDescription: 'The stored control plane',
    errors: [409],
    example: {
      body: {
        id: 'cp-tokyo',
        name: 'Tokyo',
        mode: 'regional',
        partition: 'aws',
        homeLocation: 'ap-northeast-1',
        managedLocations: ['ap-northeast-1'],
      },
    },
  }),
  listCells: defineRoute({
    method: 'GET',
    path: '/cells',
    permission: cellReadPermission,
    tag: 'cells',
    summary: 'Cells matching the filter',
    query: z.strictObject({
      ...partitionQuerySchema.shape,
      locationId: idSchema.optional(),
      lifecycle: cellLifecycleSchema.optional(),
      controlPlaneId: idSchema.optional(),
    }),
    response: itemsOf(cellSchema),
    status: 200,
    responseDescription: 'Cells ordered by id',
    example: { query: { partition: 'aws-eusc' } },
  }),
  addCell: defineRoute({
    method: 'POST',
    path: '/cells',
    permission: cellManagePermission,
    tag: 'cells',
    summary: 'Create a cell',
    description:
      'The location must be known and managed by the named control plane; the partition comes from the location. Lifecycle starts at `planned` unless stated.',
    body: createCellSchema,
    response: cellSchema,
    status: 201,
    responseDescription: 'The stored cell, with zero usage',
    errors: [409],
    example: {
      body: {
        id: 'eu-west-1-p99',
        name: 'Dublin 99',
        locationId: 'eu-west-1',
        controlPlaneId: 'cp-aws-eu',
        isolation: 'pooled',
        accountId: '999988887777',
        specVersion: '2026.1',
        capacity: { tenants: 10, loadUnits: 100 },
      },
    },
  }),
  planQuotas: defineRoute({
    method: 'POST',
    path: '/cells/quota-plan',
    permission: cellReadPermission,
    tag: 'cells',
    summary: 'Service quota increases needed for N cells of a spec',
    body: quotaPlanRequestSchema,
    response: itemsOf(quotaRequestSchema),
    status: 200,
    responseDescription: 'One quota request per service quota of the spec',
    example: {
      body: {
        spec: {
          version: '2026.1',
          isolation: 'pooled',
          capacity: { tenants: 50, loadUnits: 500 },
          serviceQuotas: [
            {
              serviceCode: 'lambda',
              quotaCode: 'L-B99A9384',
              quotaName: 'Concurrent executions',
              perCell: 1000,
            },
          ],
        },
        cellCount: 3,
      },
    },
  }),
  getCell: defineRoute({
    method: 'GET',
    path: '/cells/{id}',
    permission: cellReadPermission,
    tag: 'cells',
    summary: 'One cell',
    params: idParamsSchema,
    response: cellSchema,
    status: 200,
    responseDescription: 'The cell',
    errors: [404],
    example: { params: { id: DEMO_CELL } },
  }),
  updateCell: defineRoute({
    method: 'PATCH',
    path: '/cells/{id}',
    permission: cellManagePermission,
    tag: 'cells',
    summary: "Change a cell's name, lifecycle, spec version or capacity",
    description:
      'The changed cell must pass the rules of a new one (400 naming the field, such as `capacity.tenants` above 1 on a dedicated cell). A lifecycle change must be a legal transition (409 names the legal moves); retiring needs an empty cell; capacity may not drop below the usage (409). An `id` that is not an id is a 400.',
    params: idParamsSchema,
    body: updateCellSchema,
    response: cellSchema,
    status: 200,
    responseDescription: 'The changed cell',
    errors: [404, 409],
    example: { params: { id: DEMO_CELL }, body: { name: 'Dublin one' } },
  }),
};
