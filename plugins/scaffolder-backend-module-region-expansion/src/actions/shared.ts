import type { z as zImpl } from 'zod/v3';

/** Zod (v3 API, as the scaffolder passes it) schema of a planned cell. */
export const plannedCellSchema = (z: typeof zImpl) =>
  z.object({
    id: z.string(),
    name: z.string(),
    locationId: z.string(),
    controlPlaneId: z.string(),
    lifecycle: z.literal('planned'),
    isolation: z.enum(['pooled', 'dedicated']),
    accountId: z.string(),
    specVersion: z.string(),
    capacity: z.object({
      tenants: z.number(),
      loadUnits: z.number(),
      quotas: z.record(z.number()).default({}),
    }),
  });

/** Input schemas shared by several actions. */
export const commonInputs = {
  name: (z: typeof zImpl) =>
    z
      .string()
      .describe(
        'Plan name: lower-case id that prefixes cell and control-plane ids',
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
    z.string().optional().describe('Control plane id; default <name>-cp'),
  isolationModel: (z: typeof zImpl) =>
    z.enum(['pool', 'bridge', 'silo']).describe('Tenant isolation model'),
};
