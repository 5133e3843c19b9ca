import { z } from 'zod';
import { loadUnitsSchema, quotaAmountsSchema } from './cells';
import { jurisdictionSchema } from './locations';
import { countryCodeSchema, idSchema, nameSchema } from './primitives';
import { typeError } from './errors';
import { listOrText, ref } from './jsonSchema';

/** Countries one residency requirement may list (ISO 3166-1 has 249). */
const MAX_RESIDENCY_COUNTRIES = 249;
/** Jurisdictions one residency requirement may list. */
const MAX_RESIDENCY_JURISDICTIONS = 16;

/**
 * A tenant isolation tier.
 *
 * @public
 */
export const tenantTierSchema = z
  .enum(['pool', 'bridge', 'silo'])
  .meta({ id: 'TenantTier' });

/**
 * A data classification.
 *
 * @public
 */
export const dataClassificationSchema = z
  .enum(['public', 'internal', 'confidential', 'restricted'])
  .meta({ id: 'DataClassification' });

/**
 * A residency requirement; every stated dimension must hold.
 *
 * @public
 */
export const residencySchema = z
  .strictObject({
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
  })
  .meta({
    id: 'Residency',
    description:
      'Where data may live; every stated dimension must hold, an omitted one does not constrain',
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
export const createTenantSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    tier: tenantTierSchema,
    residency: residencySchema.default({}),
    classification: dataClassificationSchema,
    loadUnits: loadUnitsSchema,
    quotaUsage: quotaUsageSchema.optional(),
    cellId: idSchema
      .optional()
      .describe(
        'Pins the tenant to this cell, which must be `active` or `provisioning`',
      ),
  })
  .meta({ id: 'CreateTenant' });

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
  .refine(v => Object.keys(v).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateTenant', minProperties: 1 });

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
    // What a row may hold before the preprocessing is stated for the
    // document: JSON Schema has no form for "converted first".
    loadUnits: z
      .preprocess(
        v => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
        loadUnitsSchema,
      )
      .meta({ jsonSchema: { oneOf: [ref('LoadUnits'), { type: 'string' }] } }),
    residencyCountries: z
      .preprocess(splitList, z.array(countryCodeSchema).optional())
      .meta({ jsonSchema: listOrText('CountryCode') }),
    residencyJurisdictions: z
      .preprocess(splitList, z.array(jurisdictionSchema).optional())
      .meta({ jsonSchema: listOrText('Jurisdiction') }),
    residencyPartition: z
      .preprocess(emptyToUndefined, idSchema.optional())
      .meta({ jsonSchema: { type: 'string' } }),
    cellId: z.preprocess(emptyToUndefined, idSchema.optional()).meta({
      jsonSchema: {
        type: 'string',
        description:
          'Pins the tenant to this cell, which must be `active` or `provisioning`',
      },
    }),
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
  )
  .meta({
    id: 'TenantImportRow',
    description:
      'One import row. Numbers may be strings; lists may be strings separated by `;`, `|` or spaces; empty strings mean "not given".',
  });

/**
 * Validated tenant import row, already in the shape of a create request.
 *
 * @public
 */
export type TenantImportRow = z.output<typeof tenantImportRowSchema>;

/**
 * A tenant as the API answers it.
 *
 * @public
 */
export const tenantSchema = z
  .object({
    id: z.string().describe('Unique id'),
    name: z.string().describe('Human name'),
    tier: tenantTierSchema,
    residency: residencySchema,
    classification: dataClassificationSchema,
    loadUnits: z.number().describe('Load units the tenant adds to its cell'),
    quotaUsage: z
      .record(z.string(), z.number())
      .optional()
      .describe(
        "Named cell quotas the tenant consumes, keyed like a cell's quotas",
      ),
    cellId: z
      .string()
      .optional()
      .describe('Cell the tenant lives in, once placed'),
  })
  .meta({ id: 'Tenant', description: 'A customer of the SaaS product' });

/** Largest page of `GET /tenants`. */
const MAX_TENANT_PAGE = 1000;

/**
 * Fields `GET /tenants` sorts by (`sort=<field>:<asc|desc>`); ties are
 * broken by id so pages stay stable.
 *
 * @public
 */
export const TENANT_SORT_FIELDS = [
  'id',
  'name',
  'tier',
  'classification',
  'loadUnits',
  'cellId',
] as const;

/**
 * A field `GET /tenants` sorts by.
 *
 * @public
 */
export type TenantSortField = (typeof TENANT_SORT_FIELDS)[number];

/**
 * A direction of `GET /tenants`' `sort`.
 *
 * @public
 */
export type TenantSortDirection = 'asc' | 'desc';

const TENANT_SORTS = TENANT_SORT_FIELDS.flatMap(field => [
  `${field}:asc` as const,
  `${field}:desc` as const,
]);

/**
 * Longest `q` of `GET /tenants`: a name is at most 200 characters, and a
 * search term longer than a name can match nothing.
 *
 * @public
 */
export const MAX_TENANT_SEARCH_LENGTH = 200;

/**
 * Query of `GET /tenants`: the filter, a search term, an order and a page
 * by `offset`.
 *
 * @public
 */
export const tenantListQuerySchema = z.strictObject({
  q: z
    .string(typeError('a string'))
    .trim()
    .min(1, 'must not be empty')
    .max(
      MAX_TENANT_SEARCH_LENGTH,
      `must be at most ${MAX_TENANT_SEARCH_LENGTH} characters`,
    )
    .optional()
    .describe(
      'Only tenants whose name or id contains this text (case-insensitive)',
    ),
  sort: z
    .enum(TENANT_SORTS)
    .optional()
    .describe('Order of the list as `<field>:<asc|desc>`; default `id:asc`'),
  cellId: idSchema.optional().describe('Only tenants in this cell'),
  tier: tenantTierSchema.optional(),
  partition: idSchema
    .optional()
    .describe('Only tenants whose cell is in this partition'),
  locationId: idSchema
    .optional()
    .describe('Only tenants whose cell is in this location'),
  unplaced: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      '`true`: only tenants without a cell; `false`: only placed tenants',
    ),
  // Typed as numbers for callers; the query string carries text.
  offset: z.coerce
    .number<number>({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(0),
  limit: z.coerce
    .number<number>({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_TENANT_PAGE, `must be at most ${MAX_TENANT_PAGE}`)
    .default(100),
});

/**
 * Answer of `GET /tenants`: a page of tenants in the asked order.
 *
 * @public
 */
export const tenantListSchema = z.object({
  items: z.array(tenantSchema).describe('Tenants of this page'),
  totalCount: z
    .number()
    .int()
    .describe('Tenants matching the filter across all pages'),
  offset: z.number().int().describe('Offset of this page'),
  limit: z.number().int().describe('Page size'),
});
