import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  renderGuardrails,
  type LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { asInputErrors } from '../domain/errors';
import { writeFilesInsideWorkspace } from '../domain/workspace';
import { examples } from './renderGuardrails.examples';
import { accountIdInput, planInputs } from './shared';

/**
 * Options of {@link createRenderGuardrailsAction}.
 *
 * @public
 */
export interface RenderGuardrailsActionOptions {
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
}

/**
 * `region-expansion:render-guardrails`: the organization unit path by
 * geography and industry and the Region-deny SCP of the target's partition,
 * written to `guardrails/ou.json` and `guardrails/scp.json`. Fails naming
 * the field when the SCP exceeds 5,120 characters, or the plan name or an
 * account id is malformed. Writes only inside the workspace, links included
 * (see `writeFilesInsideWorkspace`), so it runs the same in a dry
 * run.
 *
 * @public
 */
export function createRenderGuardrailsAction(
  options: RenderGuardrailsActionOptions = {},
) {
  return createTemplateAction({
    id: 'region-expansion:render-guardrails',
    description:
      'Writes the organization unit path and the Region-deny service control policy for the target partition',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...planInputs,
        industry: z =>
          z.string().describe('Industry slug, e.g. financial-services'),
        allowedRegions: z =>
          z
            .array(z.string())
            .optional()
            .describe('Further Regions of the same partition to allow'),
        additionalExemptions: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Further IAM actions exempt from the Region deny, e.g. support:*',
            ),
        accountIds: z =>
          z
            .array(accountIdInput(z))
            .optional()
            .describe(
              '12-digit AWS account ids that go into the organization unit',
            ),
        targetPath: z =>
          z
            .string()
            .default('guardrails')
            .describe('Folder inside the workspace'),
      },
      output: {
        organizationalUnitPath: z =>
          z
            .string()
            .describe('OU path, e.g. Root/Europe/DE/financial-services'),
        scpCharacters: z =>
          z.number().describe('Minified SCP size in characters (limit 5,120)'),
        files: z =>
          z
            .array(z.string())
            .describe('Files written, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const guardrails = asInputErrors(() =>
        renderGuardrails(ctx.input, options.catalog),
      );
      const files = await writeFilesInsideWorkspace(
        ctx.workspacePath,
        ctx.input.targetPath ?? 'guardrails',
        {
          'scp.json': `${JSON.stringify(guardrails.scp, null, 2)}\n`,
          'ou.json': `${JSON.stringify(
            {
              ...guardrails.organizationalUnit,
              scpCharacters: guardrails.scpCharacters,
              exemptedGlobalServices: guardrails.exemptedServices,
            },
            null,
            2,
          )}\n`,
        },
        'targetPath',
      );
      ctx.logger.info(
        `OU ${guardrails.organizationalUnit.pathString}; SCP ${guardrails.scpCharacters} characters`,
      );
      ctx.output(
        'organizationalUnitPath',
        guardrails.organizationalUnit.pathString,
      );
      ctx.output('scpCharacters', guardrails.scpCharacters);
      ctx.output('files', files);
    },
  });
}
