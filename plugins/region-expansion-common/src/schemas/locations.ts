import { z } from 'zod';
import { GEOGRAPHIES, JURISDICTIONS, LOCATION_KINDS } from '../types/locations';
import type { Geography, Jurisdiction, LocationKind } from '../types/locations';
import { countSchema } from './primitives';
import { countryCodeSchema, idSchema, nameSchema } from './primitives';

const JURISDICTION_IDS = Object.keys(JURISDICTIONS) as [
  Jurisdiction,
  ...Jurisdiction[],
];

/**
 * A jurisdiction group id (see `JURISDICTIONS`).
 *
 * @public
 */
export const jurisdictionSchema = z
  .enum(JURISDICTION_IDS)
  .meta({ id: 'Jurisdiction' });

/**
 * A geography name (see `GEOGRAPHIES`).
 *
 * @public
 */
export const geographySchema = z
  .enum(GEOGRAPHIES as unknown as [Geography, ...Geography[]])
  .meta({ id: 'Geography' });

/**
 * A location kind (see `LOCATION_KINDS`).
 *
 * @public
 */
export const locationKindSchema = z
  .enum(LOCATION_KINDS as unknown as [LocationKind, ...LocationKind[]])
  .meta({ id: 'LocationKind' });

/**
 * Body of "add a Local Zone or Outpost". Regions come from the bundled
 * snapshot and cannot be added. Partition and geography default to the
 * parent Region's; jurisdictions are derived from the country when omitted.
 *
 * @public
 */
export const createLocationSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(['local-zone', 'outpost'], {
      error: 'must be local-zone or outpost (Regions come from the snapshot)',
    }),
    name: nameSchema,
    country: countryCodeSchema,
    parentRegion: idSchema,
    partition: idSchema.optional(),
    geography: geographySchema.optional(),
    jurisdictions: z.array(jurisdictionSchema).optional(),
  })
  .meta({ id: 'CreateLocation' });

/**
 * Validated body of "add a Local Zone or Outpost".
 *
 * @public
 */
export type CreateLocationInput = z.infer<typeof createLocationSchema>;

/**
 * Body of "change a Local Zone or Outpost": any of name, country, geography
 * and jurisdictions; at least one.
 *
 * @public
 */
export const updateLocationSchema = z
  .strictObject({
    name: nameSchema.optional(),
    country: countryCodeSchema.optional(),
    geography: geographySchema.optional(),
    jurisdictions: z.array(jurisdictionSchema).optional(),
  })
  .refine(v => Object.keys(v).length > 0, 'must change at least one field');

/**
 * Validated body of "change a Local Zone or Outpost".
 *
 * @public
 */
export type UpdateLocationInput = z.infer<typeof updateLocationSchema>;

/**
 * An AWS partition as the API answers it.
 *
 * @public
 */
export const partitionSchema = z
  .object({
    id: z.string().meta({
      description:
        'Partition id as used in ARNs, for example `aws` or `aws-eusc`',
      example: 'aws-eusc',
    }),
    name: z.string().describe('Human name of the partition'),
    dnsSuffix: z
      .string()
      .describe(
        "DNS suffix of the partition's endpoints, for example `amazonaws.eu`",
      ),
    homeRegion: z
      .string()
      .describe(
        "Region that hosts the partition's global services (IAM, Organizations)",
      ),
    requiresOwnControlPlane: z
      .boolean()
      .describe(
        'Whether tenants in this partition must be managed by a control plane that itself runs inside the partition: credentials and tenant metadata cannot leave a separate partition',
      ),
  })
  .meta({
    id: 'Partition',
    description:
      'A separate instance of AWS with its own credentials, endpoints and global services. Nothing crosses a partition boundary.',
  });

/**
 * A location as the API answers it.
 *
 * @public
 */
export const locationSchema = z
  .object({
    id: z
      .string()
      .describe(
        'Region code, Local Zone id or Outpost id, unique across partitions',
      ),
    kind: locationKindSchema,
    partition: z.string().describe('Partition id the location belongs to'),
    name: z.string().describe('Human name, for example `Europe (Frankfurt)`'),
    country: z
      .string()
      .describe('ISO 3166-1 alpha-2 code of the country the location is in'),
    jurisdictions: z
      .array(jurisdictionSchema)
      .describe('Jurisdiction groups the location belongs to'),
    geography: geographySchema,
    parentRegion: z
      .string()
      .optional()
      .describe('For Local Zones and Outposts: the Region they hang off'),
  })
  .meta({
    id: 'Location',
    description:
      'A place an application plane can run: an AWS Region, a Local Zone or an Outpost site',
  });

const capacityTotalsSchema = z
  .strictObject({
    tenants: z.number().min(0),
    loadUnits: z.number().min(0),
  })
  .meta({ id: 'CapacityTotals' });

/**
 * Cell totals of one location, as `GET /locations/summary` lists them.
 *
 * @public
 */
export const locationCellSummarySchema = z
  .strictObject({
    locationId: z
      .string()
      .describe('The location (Region, Local Zone or Outpost)'),
    cellCount: countSchema.describe('Cells in the location, any lifecycle'),
    pooledCellCount: countSchema.describe(
      'Of those, cells with `isolation: pooled`',
    ),
    tenantCount: countSchema.describe(
      "Tenants placed in the location's cells (sum of cell usage)",
    ),
    capacity: capacityTotalsSchema.describe("Sum of the cells' capacity"),
    usage: capacityTotalsSchema.describe("Sum of the cells' usage"),
  })
  .meta({
    id: 'LocationCellSummary',
    description:
      'What an overview needs of a location without downloading every cell',
  });
