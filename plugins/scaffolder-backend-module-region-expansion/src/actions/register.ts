import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import {
  diffRegistration,
  LocationCatalog,
  planRegistration,
} from '@region-expansion/plugin-region-expansion-node';
import { asInputErrors, backendRefusal } from '../domain/errors';
import { initiatorToken } from '../domain/initiatorToken';
import { examples } from './register.examples';
import { commonInputs, plannedCellsInput, planInputs } from './shared';

/**
 * Options of {@link createRegisterAction}.
 *
 * @public
 */
export interface RegisterActionOptions {
  /** Locates the region-expansion backend the plan is recorded in. */
  discovery: DiscoveryService;
  /**
   * Issues the token for the region-expansion backend, on behalf of the
   * task's initiator.
   */
  auth: AuthService;
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
}

/**
 * The portal page of a location's Region plan.
 *
 * @public
 */
export function regionPlanLink(locationId: string): string {
  return `/region-expansion/regions/${encodeURIComponent(locationId)}`;
}

/**
 * `region-expansion:register`: records the control plane and the planned
 * cells in the region-expansion backend, on behalf of the task's initiator.
 * The whole plan is checked first (the node library's `planRegistration`:
 * name, control plane, every cell with the shared schemas and rules), so
 * bad input writes nothing; a refusal of the backend fails the task with
 * the backend's reason and the field. Idempotent: objects that already
 * exist with the same definition are accepted, a conflicting one fails the
 * task with the reason. In a dry run it only validates and reports what it
 * would create.
 *
 * @public
 */
export function createRegisterAction(options: RegisterActionOptions) {
  const catalog = options.catalog ?? LocationCatalog.fromSnapshot();
  const client = new RegionExpansionClient({ discoveryApi: options.discovery });
  return createTemplateAction({
    id: 'region-expansion:register',
    description:
      'Records the Region plan (control plane and up to 99 planned cells) in the region-expansion control plane, after checking all of it',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...planInputs,
        controlPlaneMode: commonInputs.controlPlaneMode,
        controlPlaneId: commonInputs.controlPlaneId,
        cells: plannedCellsInput,
      },
      output: {
        controlPlaneId: z => z.string().describe('Id of the control plane'),
        cellIds: z => z.array(z.string()).describe('Ids of the plan cells'),
        createdIds: z =>
          z.array(z.string()).describe('Ids created by this run'),
        existingIds: z =>
          z.array(z.string()).describe('Ids that already existed identically'),
        regionUrl: z => z.string().describe('Portal page of the Region plan'),
      },
    },
    async handler(ctx) {
      const { controlPlane, cells } = asInputErrors(() =>
        planRegistration(ctx.input, catalog),
      );
      const cellIds = cells.map(c => c.id);
      ctx.output('controlPlaneId', controlPlane.id);
      ctx.output('cellIds', cellIds);
      ctx.output('regionUrl', regionPlanLink(ctx.input.targetLocation));
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would register control plane ${controlPlane.id} (${controlPlane.mode}) and ${cells.length} cells; nothing written`,
        );
        ctx.output('createdIds', []);
        ctx.output('existingIds', []);
        return;
      }

      const token = await initiatorToken(options.auth, ctx);
      const [controlPlanes, storedCells] = await Promise.all([
        client
          .listControlPlanes(
            { query: { partition: controlPlane.partition } },
            { token },
          )
          .then(r => r.items),
        client.listCells({}, { token }).then(r => r.items),
      ]);
      const diff = diffRegistration(
        { controlPlane, cells },
        {
          controlPlane: controlPlanes.find(c => c.id === controlPlane.id),
          cells: storedCells.filter(c => cellIds.includes(c.id)),
        },
      );
      if (diff.conflicts.length) {
        throw new ConflictError(diff.conflicts.join('\n'));
      }
      const createdIds: string[] = [];
      if (diff.createControlPlane) {
        const toCreate = diff.createControlPlane;
        createdIds.push(
          await ctx.checkpoint({
            key: `region-expansion.register.control-plane.${toCreate.id}`,
            fn: async () =>
              (
                await client
                  .addControlPlane({ body: toCreate }, { token })
                  .catch(error => {
                    throw backendRefusal(error, 'controlPlane');
                  })
              ).id,
          }),
        );
      }
      for (const cell of diff.createCells) {
        const field = `cells.${cellIds.indexOf(cell.id)}`;
        createdIds.push(
          await ctx.checkpoint({
            key: `region-expansion.register.cell.${cell.id}`,
            fn: async () =>
              (
                await client.addCell({ body: cell }, { token }).catch(error => {
                  throw backendRefusal(error, field);
                })
              ).id,
          }),
        );
      }
      ctx.logger.info(
        `Registered ${createdIds.length} new objects; ${diff.existingIds.length} already existed`,
      );
      ctx.output('createdIds', createdIds);
      ctx.output('existingIds', diff.existingIds);
    },
  });
}
