import { z } from 'zod';
import { loadUnitsSchema, quotaAmountsSchema } from './cells';
import { jurisdictionSchema } from './locations';
import { countryCodeSchema, idSchema, nameSchema } from './primitives';

/** Countries one residency requirement may list (ISO 3166-1 has 249). */
const MAX_RESIDENCY_COUNTRIES = 249;
/** Jurisdictions one residency requirement may list. */
const MAX_RESIDENCY_JURISDICTIONS = 16;

/**
 * A tenant isolation tier.
 *
 * @public
 */
export const tenantTierSchema = z.enum(['pool', 'bridge', 'silo']);

/**
 * A data classification.
 *
 * @public
 */
export const dataClassificationSchema = z.enum([
  'public',
  'internal',
  'confidential',
  'restricted',
]);

/**
 * A residency requirement; every stated dimension must hold.
 *
 * @public
 */
export const residencySchema = z.strictObject({
  countries: z
    .array(countryCodeSchema)
    .min(1, 'must name at least one country when present')
    .max(
      MAX_RESIDENCY_COUNTRIES,
      `must name at most ${MAX_RESIDENCY_COUNTRIES} countries`,
    )
    .optional(),
  jurisdictions: z
    .array(jurisdictionSchema)
    .min(1, 'must name at least one jurisdiction when present')
    .max(
      MAX_RESIDENCY_JURISDICTIONS,
      `must name at most ${MAX_RESIDENCY_JURISDICTIONS} jurisdictions`,
    )
    .optional(),
  partition: idSchema.optional(),
});

/**
 * Named quotas a tenant consumes in its cell.
 *
 * @public
 */
export const quotaUsageSchema = quotaAmountsSchema;

/**
 * Body of "create a tenant". `cellId` pins the tenant to a cell; the service
 * checks the pin against residency and tier.
 *
 * @public
 */
export const createTenantSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  tier: tenantTierSchema,
  residency: residencySchema.default({}),
  classification: dataClassificationSchema,
  loadUnits: loadUnitsSchema,
  quotaUsage: quotaUsageSchema.optional(),
  cellId: idSchema.optional(),
});

/**
 * Validated body of "create a tenant".
 *
 * @public
 */
export type CreateTenantInput = z.infer<typeof createTenantSchema>;

/**
 * Body of "change a tenant": any field but the id; at least one.
 * Moving a tenant between cells is a migration, not an update.
 *
 * @public
 */
export const updateTenantSchema = z
  .strictObject({
    name: nameSchema.optional(),
    tier: tenantTierSchema.optional(),
    residency: residencySchema.optional(),
    classification: dataClassificationSchema.optional(),
    loadUnits: loadUnitsSchema.optional(),
    quotaUsage: quotaUsageSchema.optional(),
  })
  .refine(v => Object.keys(v).length > 0, 'must change at least one field');

/**
 * Validated body of "change a tenant".
 *
 * @public
 */
export type UpdateTenantInput = z.infer<typeof updateTenantSchema>;

/** Empty CSV cells mean "not given". */
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** CSV lists are separated by `;`, `|` or white space (commas split columns). */
const splitList = (value: unknown) => {
  const v = emptyToUndefined(value);
  return typeof v === 'string'
    ? v.split(/[;|\s]+/).filter(part => part.length > 0)
    : v;
};

/**
 * One row of a bulk tenant import (CSV or JSON lines). Numbers may arrive as
 * strings; lists are separated by `;`, `|` or spaces. The output has the
 * shape of {@link CreateTenantInput}.
 *
 * @public
 */
export const tenantImportRowSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    tier: tenantTierSchema,
    classification: dataClassificationSchema,
    loadUnits: z.preprocess(
      v => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      loadUnitsSchema,
    ),
    residencyCountries: z.preprocess(
      splitList,
      z.array(countryCodeSchema).optional(),
    ),
    residencyJurisdictions: z.preprocess(
      splitList,
      z.array(jurisdictionSchema).optional(),
    ),
    residencyPartition: z.preprocess(emptyToUndefined, idSchema.optional()),
    cellId: z.preprocess(emptyToUndefined, idSchema.optional()),
  })
  .transform(
    (row): CreateTenantInput => ({
      id: row.id,
      name: row.name,
      tier: row.tier,
      classification: row.classification,
      loadUnits: row.loadUnits,
      residency: {
        ...(row.residencyCountries?.length
          ? { countries: row.residencyCountries }
          : {}),
        ...(row.residencyJurisdictions?.length
          ? { jurisdictions: row.residencyJurisdictions }
          : {}),
        ...(row.residencyPartition
          ? { partition: row.residencyPartition }
          : {}),
      },
      ...(row.cellId ? { cellId: row.cellId } : {}),
    }),
  );

/**
 * Validated tenant import row, already in the shape of a create request.
 *
 * @public
 */
export type TenantImportRow = z.output<typeof tenantImportRowSchema>;
