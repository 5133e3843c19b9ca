import type { z as zodV3 } from 'zod/v3';
import {
  cellIsolationSchema,
  dataClassificationSchema,
  jurisdictionSchema,
  placementStrategySchema,
  READINESS_CHECKS,
  tenantTierSchema,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * The zod the actions registry hands to an action's schema callbacks: the
 * registry of `@backstage/backend-plugin-api` 1.12 builds its JSON Schema
 * from `zod/v3` schemas, while the project's shared schemas are zod 4. The
 * shapes below say what an agent may send; every action parses the same
 * input again with the REST route's zod 4 schema from `-common`, so the
 * rules (bounds, country codes, ids) are the REST API's and each error
 * names its field.
 */
export type ActionZod = typeof zodV3;

/** A v3 enum of the values of one of `-common`'s zod 4 enums. */
const enumOf = (z: ActionZod, values: readonly string[]) =>
  z.enum(values as [string, ...string[]]);

/** A location id, as the REST path takes it. */
export const locationIdInput = (z: ActionZod) =>
  z
    .string()
    .describe(
      'Region, Local Zone or Outpost id, for example eu-west-1 or eusc-de-east-1',
    );

/** Where data may live, as a tenant's `residency`. */
export const residencyInput = (z: ActionZod) =>
  z
    .object({
      countries: z
        .array(z.string())
        .optional()
        .describe('ISO 3166-1 alpha-2 codes the data may live in, e.g. ["DE"]'),
      jurisdictions: z
        .array(enumOf(z, jurisdictionSchema.options))
        .optional()
        .describe('Jurisdiction groups the data may live in'),
      partition: z
        .string()
        .optional()
        .describe('The partition the data must stay in, e.g. aws-eusc'),
    })
    .describe('Every stated dimension must hold; an omitted one does not');

/** A data classification. */
export const classificationInput = (z: ActionZod) =>
  enumOf(z, dataClassificationSchema.options);

/** A tenant's isolation tier. */
export const tierInput = (z: ActionZod) => enumOf(z, tenantTierSchema.options);

/** A placement strategy. */
export const strategyInput = (z: ActionZod) =>
  enumOf(z, placementStrategySchema.options).describe(
    '`pack` takes the fullest cell that fits, `spread` the emptiest; default the configured strategy',
  );

/** A cell's isolation. */
export const isolationOutput = (z: ActionZod) =>
  enumOf(z, cellIsolationSchema.options);

/** A readiness blocker or open check, as the REST API answers it. */
export const blockerOutput = (z: ActionZod) =>
  z.object({
    check: enumOf(z, READINESS_CHECKS),
    service: z
      .string()
      .optional()
      .describe('SSM service code the blocker concerns, when it concerns one'),
    detail: z.string().describe('Why the check fails or stays open'),
    remediation: z.string().describe('What to do to clear it'),
  });
