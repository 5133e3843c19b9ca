import { z } from 'zod';
import { GEOGRAPHIES, JURISDICTIONS } from '../types/locations';
import type { Geography, Jurisdiction } from '../types/locations';
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
export const jurisdictionSchema = z.enum(JURISDICTION_IDS);

/**
 * A geography name (see `GEOGRAPHIES`).
 *
 * @public
 */
export const geographySchema = z.enum(
  GEOGRAPHIES as unknown as [Geography, ...Geography[]],
);

/**
 * Body of "add a Local Zone or Outpost". Regions come from the bundled
 * snapshot and cannot be added. Partition and geography default to the
 * parent Region's; jurisdictions are derived from the country when omitted.
 *
 * @public
 */
export const createLocationSchema = z.strictObject({
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
});

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
