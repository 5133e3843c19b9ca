import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import type { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { assessInfrastructure, blockersMessage } from '../domain/assessment';
import { examples } from './assess.examples';

/**
 * Options of {@link createAssessAction}.
 *
 * @public
 */
export interface AssessActionOptions {
  /** Location catalog; default the bundled snapshot. */
  catalog?: LocationCatalog;
  /**
   * Largest size of one assessed file after decompression, in bytes
   * (`regionExpansion.scaffolder.assess.maxInflatedBytes`); default 16 MiB
   * (`DEFAULT_MAX_INFLATED_BYTES`).
   */
  maxInflatedBytes?: number;
}

/**
 * `region-expansion:assess`: the footprint of the workspace's (or the given
 * paths') infrastructure code against a target location, residency and
 * classification. Fails the task on unwaived blockers; outputs the level and
 * the report. Reads only inside the workspace, links included, and refuses
 * a file that inflates past `maxInflatedBytes`. Read-only, so it runs the
 * same in a dry run.
 *
 * @public
 */
export function createAssessAction(options: AssessActionOptions = {}) {
  return createTemplateAction({
    id: 'region-expansion:assess',
    description:
      'Assesses infrastructure code against a target location: service availability, residency and partition rules; fails on blockers unless waived',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetLocation: z =>
          z
            .string()
            .describe(
              'Target location id, e.g. eu-central-1 or eusc-de-east-1',
            ),
        paths: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Infrastructure code (CloudFormation, cdk.out, Terraform plan JSON) relative to the workspace; default the whole workspace',
            ),
        residency: z =>
          z
            .object({
              countries: z.array(z.string()).optional(),
              jurisdictions: z.array(z.string()).optional(),
              partition: z.string().optional(),
            })
            .optional()
            .describe(
              'Residency requirement of the data: countries, jurisdictions, partition',
            ),
        classification: z =>
          z
            .enum(['public', 'internal', 'confidential', 'restricted'])
            .optional()
            .describe('Data classification'),
        homeCountry: z =>
          z
            .string()
            .optional()
            .describe(
              'Country of the data subjects; default the target country',
            ),
        waivers: z =>
          z
            .array(
              z.object({
                check: z.enum([
                  'availability',
                  'sovereignty',
                  'security',
                  'resilience',
                  'audit',
                  'capacity',
                ]),
                reason: z.string().min(1),
                approver: z.string().min(1),
                expiresAt: z.string().describe('ISO 8601 time the waiver ends'),
              }),
            )
            .optional()
            .describe('Approved, expiring exceptions, one per readiness check'),
      },
      output: {
        level: z =>
          z
            .enum(['blocked', 'pilot', 'ready'])
            .describe('Readiness level of the target'),
        report: z =>
          z
            .record(z.any())
            .describe(
              'The assessment: signals, blockers, cross-Region dependencies, footprint',
            ),
      },
    },
    async handler(ctx) {
      const { footprint, result } = await assessInfrastructure({
        ...ctx.input,
        // After the input: a step cannot choose what is read, or how much.
        root: ctx.workspacePath,
        catalog: options.catalog,
        maxInflatedBytes: options.maxInflatedBytes,
      });
      ctx.logger.info(
        `Assessed ${footprint.services.length} services against ${result.target} (${result.partition}): ${result.level}`,
      );
      ctx.output('level', result.level);
      ctx.output(
        'report',
        JSON.parse(JSON.stringify({ ...result, footprint })),
      );
      const message = blockersMessage(result);
      if (message) throw new InputError(message);
    },
  });
}
