import { z } from 'zod';
import { idSchema, nameSchema } from './primitives';

/**
 * A control-plane mode.
 *
 * @public
 */
export const controlPlaneModeSchema = z
  .enum(['global', 'regional', 'partition'])
  .meta({ id: 'ControlPlaneMode' });

/**
 * Body of "create a control plane".
 *
 * @public
 */
export const createControlPlaneSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    mode: controlPlaneModeSchema,
    partition: idSchema,
    homeLocation: idSchema,
    managedLocations: z
      .array(idSchema)
      .refine(
        ids => new Set(ids).size === ids.length,
        'must not list a location twice',
      )
      .meta({ uniqueItems: true }),
  })
  .meta({ id: 'CreateControlPlane' });

/**
 * Validated body of "create a control plane".
 *
 * @public
 */
export type CreateControlPlaneInput = z.infer<typeof createControlPlaneSchema>;

/**
 * Body of "change a control plane": name and managed locations (mode,
 * partition and home cannot change: that is a new control plane).
 *
 * @public
 */
export const updateControlPlaneSchema = z
  .strictObject({
    name: nameSchema.optional(),
    managedLocations:
      createControlPlaneSchema.shape.managedLocations.optional(),
  })
  .refine(v => Object.keys(v).length > 0, 'must change at least one field');

/**
 * Validated body of "change a control plane".
 *
 * @public
 */
export type UpdateControlPlaneInput = z.infer<typeof updateControlPlaneSchema>;

/**
 * A control plane as the API answers it.
 *
 * @public
 */
export const controlPlaneSchema = z
  .object({
    id: z.string().describe('Unique id'),
    name: z.string().describe('Human name'),
    mode: controlPlaneModeSchema,
    partition: z
      .string()
      .describe('Partition the control plane itself runs in'),
    homeLocation: z.string().describe('Location id the control plane runs in'),
    managedLocations: z
      .array(z.string())
      .describe('Location ids whose cells this control plane manages'),
  })
  .meta({
    id: 'ControlPlane',
    description: 'Tenant management and metadata for a set of locations',
  });
