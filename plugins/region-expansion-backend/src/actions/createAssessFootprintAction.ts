import {
  assessUploadSchema,
  locationParamSchema,
  readinessReadPermission,
  readinessRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { uploadOfBody } from '../readiness/uploadedFootprint';
import { parseInput } from '../routing/requestHelpers';
import {
  blockerOutput,
  classificationInput,
  locationIdInput,
  residencyInput,
} from './actionSchemas';
import { registerAction } from './registerAction';
import { exampleOf } from './routeExample';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

const NAME = 'assess-footprint';

/**
 * Registers `assess-footprint`: one infrastructure-code or CloudTrail file
 * judged against a location, as `POST /readiness/{locationId}/assess`
 * judges it (same bounds, same concurrency slots); nothing is stored.
 */
export function createAssessFootprintAction(
  options: RegionExpansionActionsOptions,
) {
  const { readiness } = options;
  registerAction(options, {
    name: NAME,
    title: 'Assess a footprint against a location',
    description: `Reads one file of infrastructure code or CloudTrail (a CloudFormation template in JSON or YAML, CDK cdk.out templates included; a Terraform plan JSON from "terraform show -json"; a CloudTrail log file, .json or .json.gz as base64), builds the AWS services it uses (its footprint) and judges it against a location as a readiness evaluation would: the services the location does not offer, the residency and partition findings for the data's classification and country, and the level the location would get with this workload (ready, pilot or blocked). Nothing is stored.
Needs region-expansion.readiness.read for the whole estate, like POST /readiness/{locationId}/assess. A file that cannot be read is an error naming "content" and where it broke.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          locationId: locationIdInput(z),
          fileName: z
            .string()
            .describe(
              'The file name without a folder, e.g. stack.template.json or plan.json; its extension helps tell the kind',
            ),
          content: z
            .string()
            .describe("The file's text, or its bytes as base64"),
          encoding: z
            .enum(['utf8', 'base64'])
            .optional()
            .describe(
              'How content is encoded; default utf8, a .json.gz needs base64',
            ),
          residency: residencyInput(z).optional(),
          classification: classificationInput(z)
            .optional()
            .describe('Highest classification of the data; default internal'),
          homeCountry: z
            .string()
            .optional()
            .describe(
              "ISO 3166-1 alpha-2 country of the data subjects; default the location's",
            ),
        }),
      output: z =>
        z.object({
          locationId: z.string(),
          partition: z.string(),
          fileName: z.string(),
          kind: z.enum(['cloudformation', 'terraform-plan', 'cloudtrail']),
          services: z
            .array(z.string())
            .describe('SSM service codes the file uses (its footprint)'),
          level: z
            .enum(['blocked', 'pilot', 'ready'])
            .describe('The level the location would get with this footprint'),
          blockers: z.array(blockerOutput(z)),
          openChecks: z.array(blockerOutput(z)),
          availabilityGaps: z
            .array(blockerOutput(z))
            .describe('Every footprint service the location does not offer'),
          sovereigntyBlockers: z
            .array(blockerOutput(z))
            .describe('Every residency, partition and control-plane finding'),
        }),
    },
    examples: [
      exampleOf(
        readinessRoutes.assessFootprint,
        'Would a template with an S3 bucket run in eu-west-1?',
      ),
    ],
    permission: readinessReadPermission,
    scoped: false,
    run: async ({ input }) => {
      const { locationId, ...upload } = input;
      const path = parseInput(locationParamSchema, { locationId });
      const body = parseInput(assessUploadSchema, upload);
      const { upload: file, profile } = uploadOfBody(body);
      const assessment = await readiness.assessUpload(
        path.locationId,
        file,
        profile,
      );
      return {
        locationId: assessment.locationId,
        partition: assessment.partition,
        fileName: assessment.fileName,
        kind: assessment.kind,
        services: assessment.footprint.services.map(s => s.code),
        level: assessment.evaluation.level,
        blockers: assessment.evaluation.blockers,
        openChecks: assessment.evaluation.openChecks,
        availabilityGaps: assessment.availabilityGaps,
        sovereigntyBlockers: assessment.sovereigntyBlockers,
      };
    },
  });
}
