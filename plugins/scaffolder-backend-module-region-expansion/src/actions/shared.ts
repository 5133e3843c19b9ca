import {
  accountIdSchema,
  CAPACITY_LIMITS,
  idSchema,
  specVersionSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { toJSONSchema, type ZodType } from 'zod';
import type { z as zImpl } from 'zod/v3';
import {
  MAX_CELLS_PER_PLAN,
  PLAN_NAME_PATTERN,
} from '@region-expansion/plugin-region-expansion-node';

/** What {@link patternOf} reads of a JSON Schema. */
interface JsonSchemaWithDefs {
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, { pattern?: string }>;
}

const DEFS = '#/$defs/';

/**
 * The pattern of a shared `-common` string schema. The scaffolder builds an
 * action's JSON Schema from zod v3, and `-common` is zod v4, so its
 * patterns are carried over rather than restated: the workflow runner and
 * the wizard check what the handler checks with the schema itself.
 */
function patternOf(schema: ZodType): RegExp {
  const json = toJSONSchema(schema) as JsonSchemaWithDefs;
  // A schema -common registers with an id is a $ref into $defs.
  const own = json.$ref?.startsWith(DEFS)
    ? json.$defs?.[json.$ref.slice(DEFS.length)]
    : json;
  if (!own?.pattern) throw new Error('the shared schema states no pattern');
  return new RegExp(own.pattern);
}

const ID = patternOf(idSchema);
const ACCOUNT_ID = patternOf(accountIdSchema);
const SPEC_VERSION = patternOf(specVersionSchema);

/** An id as the shared `idSchema` accepts it. */
export const idInput = (z: typeof zImpl) =>
  z.string().regex(ID, 'must be 1-64 lower-case letters, digits or hyphens');

/** A 12-digit AWS account id, as the shared `accountIdSchema` accepts it. */
export const accountIdInput = (z: typeof zImpl) =>
  z.string().regex(ACCOUNT_ID, 'must be a 12-digit AWS account id');

/**
 * Zod (v3 API, as the scaffolder passes it) schema of a planned cell: the
 * shape and bounds of the shared `createCellSchema`, which the handlers
 * apply in full.
 */
export const plannedCellSchema = (z: typeof zImpl) =>
  z.object({
    id: idInput(z),
    name: z.string().min(1).max(200),
    locationId: idInput(z),
    controlPlaneId: idInput(z),
    lifecycle: z.literal('planned'),
    isolation: z.enum(['pooled', 'dedicated']),
    accountId: accountIdInput(z),
    specVersion: z.string().regex(SPEC_VERSION),
    capacity: z.object({
      tenants: z.number().int().min(0).max(CAPACITY_LIMITS.tenants),
      loadUnits: z.number().min(0).max(CAPACITY_LIMITS.loadUnits),
      quotas: z
        .record(z.number().min(0).max(CAPACITY_LIMITS.quotaAmount))
        .default({}),
    }),
  });

/** The cells of a plan: 1 to `MAX_CELLS_PER_PLAN` planned cells. */
export const plannedCellsInput = (z: typeof zImpl) =>
  z
    .array(plannedCellSchema(z))
    .min(1)
    .max(MAX_CELLS_PER_PLAN)
    .describe(
      `Cells from region-expansion:plan-cells (1-${MAX_CELLS_PER_PLAN}, distinct ids, 12-digit account ids)`,
    );

/** Input schemas shared by several actions. */
export const commonInputs = {
  name: (z: typeof zImpl) =>
    z
      .string()
      .regex(PLAN_NAME_PATTERN)
      .describe(
        'Plan name: 1-48 lower-case letters, digits or hyphens; prefixes cell and control-plane ids',
      ),
  targetLocation: (z: typeof zImpl) =>
    z
      .string()
      .describe('Target location id, e.g. eu-central-1 or eusc-de-east-1'),
  controlPlaneMode: (z: typeof zImpl) =>
    z
      .enum(['global', 'regional', 'partition'])
      .describe(
        "Control-plane mode; 'partition' for a separate partition such as aws-eusc",
      ),
  controlPlaneId: (z: typeof zImpl) =>
    idInput(z)
      .optional()
      .describe(
        'Control plane id (1-64 lower-case letters, digits or hyphens); default <name>-cp',
      ),
  isolationModel: (z: typeof zImpl) =>
    z.enum(['pool', 'bridge', 'silo']).describe('Tenant isolation model'),
};

/**
 * The inputs that say which plan is meant and where it goes: every action
 * that plans, renders or registers a Region plan takes them.
 */
export const planInputs = {
  name: commonInputs.name,
  targetLocation: commonInputs.targetLocation,
};
