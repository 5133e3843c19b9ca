import { z } from 'zod';
import { typeError } from './errors';
import { idSchema } from './primitives';

/**
 * Bounds of a bill of materials. A quantity above `quantity` per month is
 * not a cell (a cell is a bounded copy of the application plane) and would
 * make sums lose cents.
 *
 * @public
 */
export const COST_LIMITS = {
  /** Largest monthly quantity of one line (hours, GB, requests...). */
  quantity: 1_000_000_000_000,
  /** Overrides one request may state. */
  overrides: 64,
} as const;

/**
 * Key of a bill-of-materials line, such as `compute.instance-hours` or
 * `kms.requests`: lower-case letters, digits, dots and hyphens.
 *
 * @public
 */
export const bomLineKeySchema = z
  .string(typeError('a string'))
  .regex(
    /^[a-z0-9][a-z0-9.-]{0,63}$/,
    'must be a bill-of-materials line key such as compute.instance-hours',
  )
  .meta({ id: 'BomLineKey' });

/**
 * A monthly quantity of one line: finite, not negative, at most
 * {@link COST_LIMITS}.quantity.
 *
 * @public
 */
export const bomQuantitySchema = z
  .number(typeError('a number'))
  .refine(Number.isFinite, 'must be finite')
  .refine(n => n >= 0, 'must not be negative')
  .refine(
    n => n <= COST_LIMITS.quantity,
    `must be at most ${COST_LIMITS.quantity}`,
  )
  .meta({ id: 'BomQuantity' });

/**
 * Quantities that replace the derived ones, per line key. Keys that are not
 * lines of the bill of materials are rejected by the service with the key
 * as the field.
 *
 * @public
 */
export const bomOverridesSchema = z
  .record(z.string(), bomQuantitySchema)
  .superRefine((overrides, ctx) => {
    const keys = Object.keys(overrides);
    if (keys.length > COST_LIMITS.overrides) {
      ctx.addIssue({
        code: 'custom',
        message: `must override at most ${COST_LIMITS.overrides} lines`,
      });
    }
    // A bad key is reported as its own field, like a bad value.
    for (const key of keys) {
      if (!bomLineKeySchema.safeParse(key).success) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            'must be a bill-of-materials line key such as compute.instance-hours',
        });
      }
    }
  })
  .meta({
    id: 'BomOverrides',
    description:
      'Monthly quantities that replace the derived ones, keyed by bill-of-materials line key',
    maxProperties: COST_LIMITS.overrides,
  });

/**
 * What a bill-of-materials line pays for.
 *
 * @public
 */
export const bomCategorySchema = z
  .enum([
    'compute',
    'storage',
    'requests',
    'data-transfer',
    'encryption',
    'fixed',
  ])
  .meta({ id: 'BomCategory' });

/**
 * One line of a cell's bill of materials, before pricing.
 *
 * @public
 */
export const billOfMaterialsLineSchema = z
  .object({
    key: bomLineKeySchema.describe('Stable key; overrides name it'),
    category: bomCategorySchema,
    serviceCode: z
      .string()
      .describe('Price List service code, such as AmazonEC2'),
    attributes: z
      .record(z.string(), z.string())
      .describe(
        'Price List product attributes matched exactly (TERM_MATCH) besides the Region',
      ),
    description: z.string().describe('What the line pays for'),
    quantity: z.number().describe('Monthly quantity in `unit`'),
    unit: z.string().describe('Price List unit, such as Hrs or GB-Mo'),
    quantitySource: z
      .string()
      .describe(
        'Where the quantity comes from, e.g. `cell spec: 3 x m7g.large x 730 h`, or `override`',
      ),
    overridden: z.boolean().describe('Whether an override set the quantity'),
  })
  .meta({ id: 'BillOfMaterialsLine' });

/**
 * Why a line has no price. Never a price of zero.
 *
 * @public
 */
export const noPriceSchema = z
  .object({
    reason: z
      .string()
      .describe(
        'For example: the Price List API publishes no price for the Region',
      ),
  })
  .meta({ id: 'NoPrice' });

/**
 * A bill-of-materials line with its price, or the reason it has none.
 *
 * @public
 */
export const pricedLineSchema = billOfMaterialsLineSchema
  .extend({
    sku: z.string().optional().describe('Price List SKU of the product'),
    unitPrice: z.number().optional().describe('Price of one `unit`'),
    monthly: z
      .number()
      .optional()
      .describe('quantity x unitPrice, rounded to the cent'),
    effectiveDate: z
      .string()
      .optional()
      .describe('Effective date of the price'),
    noPrice: noPriceSchema.optional(),
  })
  .meta({ id: 'PricedLine' });

/**
 * Where a price came from.
 *
 * @public
 */
export const priceSourceSchema = z
  .enum(['live', 'snapshot', 'cache'])
  .meta({ id: 'PriceSource' });

/**
 * The monthly cost of one cell in one location.
 *
 * @public
 */
export const cellCostEstimateSchema = z
  .object({
    locationId: z.string(),
    regionCode: z
      .string()
      .describe('Region whose prices apply (a Local Zone uses its parent)'),
    currency: z.string().describe('ISO 4217 code, e.g. USD'),
    priceDate: z
      .string()
      .optional()
      .describe(
        'Oldest effective date among the prices used; absent when nothing is priced',
      ),
    synthetic: z
      .boolean()
      .describe(
        'True when the prices come from a non-AWS endpoint (the simulator): not real prices',
      ),
    source: priceSourceSchema,
    lines: z.array(pricedLineSchema),
    tenantsPerCell: z.number().describe('Tenant slots of the cell spec'),
    monthlyPerCell: z
      .number()
      .optional()
      .describe('Sum of the lines; absent when any line has no price'),
    monthlyPerTenant: z
      .number()
      .optional()
      .describe('monthlyPerCell / tenantsPerCell; absent with monthlyPerCell'),
    unpriced: z
      .array(bomLineKeySchema)
      .describe('Keys of the lines without a price'),
  })
  .meta({ id: 'CellCostEstimate' });

/**
 * One price in a snapshot file.
 *
 * @public
 */
export const snapshotPriceSchema = z.strictObject({
  serviceCode: z.string(typeError('a string')),
  sku: z.string(typeError('a string')),
  unit: z.string(typeError('a string')),
  unitPrice: bomQuantitySchema,
  effectiveDate: z.string(typeError('a string')),
});

/**
 * A dated price snapshot, as `yarn region-expansion prices refresh` writes
 * it: prices per Region code and line key, and the reason for every line
 * the API did not price.
 *
 * @public
 */
export const priceSnapshotSchema = z
  .strictObject({
    formatVersion: z.literal(1, { error: 'must be 1' }),
    generatedAt: z.iso.datetime({ offset: true }),
    endpoint: z
      .string(typeError('a string'))
      .describe('Price List endpoint read, or `aws` for the AWS endpoint'),
    synthetic: z.boolean(typeError('a boolean')),
    currency: z.string(typeError('a string')),
    prices: z.record(idSchema, z.record(bomLineKeySchema, snapshotPriceSchema)),
    noPrice: z.record(
      idSchema,
      z.record(bomLineKeySchema, z.string(typeError('a string'))),
    ),
  })
  .meta({ id: 'PriceSnapshot' });

/**
 * Validated bill-of-materials overrides.
 *
 * @public
 */
export type BomOverrides = z.output<typeof bomOverridesSchema>;

/**
 * What a bill-of-materials line pays for.
 *
 * @public
 */
export type BomCategory = z.output<typeof bomCategorySchema>;

/**
 * One line of a bill of materials.
 *
 * @public
 */
export type BillOfMaterialsLine = z.output<typeof billOfMaterialsLineSchema>;

/**
 * A priced bill-of-materials line.
 *
 * @public
 */
export type PricedLine = z.output<typeof pricedLineSchema>;

/**
 * Where a price came from.
 *
 * @public
 */
export type PriceSource = z.output<typeof priceSourceSchema>;

/**
 * The monthly cost of one cell in one location.
 *
 * @public
 */
export type CellCostEstimate = z.output<typeof cellCostEstimateSchema>;

/**
 * One price in a snapshot.
 *
 * @public
 */
export type SnapshotPrice = z.output<typeof snapshotPriceSchema>;

/**
 * A dated price snapshot file.
 *
 * @public
 */
export type PriceSnapshot = z.output<typeof priceSnapshotSchema>;
