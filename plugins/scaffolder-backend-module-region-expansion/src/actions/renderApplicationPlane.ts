import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  applicationPlanePlan,
  parsePlannedCells,
  type AvailabilityIndex,
  type LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import fs from 'node:fs/promises';
import {
  annotateDesignExceptions,
  checkApplicationPlaneDesign,
} from '../domain/designCheck';
import { asInputErrors } from '../domain/errors';
import {
  resolveInsideWorkspace,
  writeFilesInsideWorkspace,
} from '../domain/workspace';
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
 * The design is checked against the architecture advice for
 * `classification` (`checkDesignChoice`): isolation, encryption or a
 * control-plane mode weaker than advised fails naming the field, unless
 * `allowDesignExceptions` (set by the template) and the user's
 * `designExceptionJustification`: then each exception (who, why, rule,
 * when) goes to the `designExceptions` output and to the
 * `region-expansion.io/design-exceptions` annotation of the entity at
 * `catalogInfoPath`, which must exist.
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
        classification: z =>
          z
            .enum(['public', 'internal', 'confidential', 'restricted'])
            .describe(
              'Highest data classification the application plane handles; the design is checked against the advice for it',
            ),
        homeCountry: z =>
          z
            .string()
            .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
            .optional()
            .describe(
              "Country of the data subjects, whose regimes the advice applies; default the target's",
            ),
        allowDesignExceptions: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Set by the template: whether a design weaker than advised may be accepted with a justification',
            ),
        designExceptionJustification: z =>
          z
            .string()
            .optional()
            .describe(
              'Why a design weaker than advised is accepted (20-1000 characters); recorded with who and when',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe(
              'Catalog entity in the workspace that records accepted design exceptions',
            ),
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
        designExceptions: z =>
          z
            .array(
              z.object({
                field: z.string(),
                chosen: z.string(),
                required: z.string(),
                rule: z.string(),
                reason: z.string(),
                acceptedBy: z.string(),
                justification: z.string(),
                acceptedAt: z.string(),
              }),
            )
            .describe(
              'Each accepted choice weaker than advised, with who, why, the rule and when; empty when the design follows the advice',
            ),
        adviceRules: z =>
          z
            .record(z.string())
            .describe(
              'The rule that decided each part of the advice (controlPlane, isolation, encryption)',
            ),
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
      const { advice, exceptions } = asInputErrors(() =>
        checkApplicationPlaneDesign(ctx.input, {
          actor: ctx.user?.ref,
          now: new Date(),
          catalog: options.catalog,
          availability: options.availability,
        }),
      );
      // Every check passes before anything is written.
      let entity: { path: string; content: string } | undefined;
      if (exceptions.length) {
        const relative = ctx.input.catalogInfoPath ?? 'catalog-info.yaml';
        const full = await resolveInsideWorkspace(
          ctx.workspacePath,
          relative,
          'catalogInfoPath',
          { mustExist: true },
        );
        entity = {
          path: relative,
          content: annotateDesignExceptions(
            await fs.readFile(full, 'utf8'),
            exceptions,
          ),
        };
      }
      const written = await writeFilesInsideWorkspace(
        ctx.workspacePath,
        ctx.input.targetPath ?? '.',
        renderApplicationPlane(plan),
        'targetPath',
      );
      if (entity) {
        await writeFilesInsideWorkspace(
          ctx.workspacePath,
          '.',
          { [entity.path]: entity.content },
          'catalogInfoPath',
        );
        for (const e of exceptions) {
          ctx.logger.warn(
            `Design exception recorded in ${entity.path}: ${e.field} ${e.chosen} instead of ${e.required} (rule ${e.rule}), accepted by ${e.acceptedBy}: ${e.justification}`,
          );
        }
      }
      ctx.logger.info(
        `Rendered ${plan.cells.length} cell stacks for ${plan.locationId} (${plan.partition}, ${plan.encryptionTier})`,
      );
      ctx.output('files', written);
      ctx.output('partition', plan.partition);
      ctx.output('region', plan.region);
      ctx.output('designExceptions', exceptions);
      ctx.output('adviceRules', {
        controlPlane: advice.controlPlane.rule,
        isolation: advice.isolation.rule,
        encryption: advice.encryption.rule,
      });
    },
  });
}
