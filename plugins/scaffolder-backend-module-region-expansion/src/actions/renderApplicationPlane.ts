import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  applicationPlanePlan,
  parsePlannedCells,
  type AvailabilityIndex,
  type LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { asInputErrors } from '../domain/errors';
import { writeFilesInsideWorkspace } from '../domain/workspace';
import { renderApplicationPlane } from '../render/applicationPlane';
import { examples } from './renderApplicationPlane.examples';
import { commonInputs, plannedCellsInput, planInputs } from './shared';

/**
 * Options of {@link createRenderApplicationPlaneAction}.
 *
 * @public
 */
export interface RenderApplicationPlaneActionOptions {
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
  /**
   * Service availability data, used to refuse `cloudhsm` where it says
   * CloudHSM is not offered in the Region; default the bundled snapshot.
   */
  availability?: AvailabilityIndex;
}

/**
 * `region-expansion:render-application-plane`: writes the AWS CDK
 * TypeScript application of the Regional application plane into the
 * workspace, shaped by partition, Region, control-plane mode, isolation
 * model, encryption tier and cells (1 to `MAX_CELLS_PER_PLAN`, each checked
 * with the shared cell schema). Writes only inside the workspace, links
 * included (see `writeFilesInsideWorkspace`), and nothing when any
 * input is refused, so it runs the same in a dry run.
 *
 * @public
 */
export function createRenderApplicationPlaneAction(
  options: RenderApplicationPlaneActionOptions = {},
) {
  return createTemplateAction({
    id: 'region-expansion:render-application-plane',
    description:
      'Writes an AWS CDK TypeScript application for the Regional application plane into the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...planInputs,
        controlPlaneMode: commonInputs.controlPlaneMode,
        isolationModel: commonInputs.isolationModel,
        encryptionTier: z =>
          z
            .enum([
              'aws-managed-key',
              'customer-managed-kms-key',
              'cloudhsm',
              'external-key-store',
            ])
            .describe('Encryption tier of the data stores'),
        cells: plannedCellsInput,
        residencyCountries: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'ISO 3166-1 alpha-2 codes of the countries the data must stay in; the target must be one of them',
            ),
        targetPath: z =>
          z
            .string()
            .default('.')
            .describe('Folder inside the workspace to write to'),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Files written, relative to the workspace'),
        partition: z => z.string().describe('Partition of the target'),
        region: z => z.string().describe('Region the cells deploy to'),
      },
    },
    async handler(ctx) {
      const plan = asInputErrors(() => {
        const planned = applicationPlanePlan(
          ctx.input,
          options.catalog,
          options.availability,
        );
        // Every field of every cell, as register will send it: a plan that
        // renders must also register.
        parsePlannedCells(ctx.input.cells);
        return planned;
      });
      const written = await writeFilesInsideWorkspace(
        ctx.workspacePath,
        ctx.input.targetPath ?? '.',
        renderApplicationPlane(plan),
        'targetPath',
      );
      ctx.logger.info(
        `Rendered ${plan.cells.length} cell stacks for ${plan.locationId} (${plan.partition}, ${plan.encryptionTier})`,
      );
      ctx.output('files', written);
      ctx.output('partition', plan.partition);
      ctx.output('region', plan.region);
    },
  });
}
