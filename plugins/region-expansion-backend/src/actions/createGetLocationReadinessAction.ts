import {
  locationParamSchema,
  READINESS_CHECKS,
  readinessReadPermission,
  readinessRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { parseInput } from '../routing/requestHelpers';
import { foundInScope } from '../service/scopedResources';
import { blockerOutput, locationIdInput } from './actionSchemas';
import { registerAction } from './registerAction';
import { exampleOf } from './routeExample';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

const NAME = 'get-location-readiness';

/**
 * Registers `get-location-readiness`: the latest stored readiness of one
 * location with its blockers, open checks and active waivers, as
 * `GET /readiness/{locationId}` and `GET /waivers` answer them.
 */
export function createGetLocationReadinessAction(
  options: RegionExpansionActionsOptions,
) {
  const { readiness } = options;
  registerAction(options, {
    name: NAME,
    title: 'Get location readiness',
    description: `The latest readiness evaluation of one location (a Region, Local Zone or Outpost): its level (ready, pilot or blocked), the blockers that make it blocked, the open checks that keep it at pilot, which checks an unexpired waiver neutralises and the active waivers with who approved them and until when. A check without evidence is unknown, never pass.
Needs region-expansion.readiness.read; a caller allowed only some partitions or Regions gets "does not exist" for a location outside them.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ locationId: locationIdInput(z) }),
      output: z =>
        z.object({
          locationId: z.string(),
          partition: z.string(),
          level: z.enum(['blocked', 'pilot', 'ready']),
          evaluatedAt: z.string().describe('ISO 8601 time of the evaluation'),
          blockers: z
            .array(blockerOutput(z))
            .describe('Failing, unwaived checks: any makes the level blocked'),
          openChecks: z
            .array(blockerOutput(z))
            .describe('Warning or unknown, unwaived checks: keep it at pilot'),
          waivedChecks: z
            .array(z.enum(READINESS_CHECKS as [string, ...string[]]))
            .describe('Checks an unexpired waiver neutralised'),
          waivers: z
            .array(
              z.object({
                id: z.string(),
                check: z.string(),
                reason: z.string(),
                approver: z.string(),
                expiresAt: z.string(),
              }),
            )
            .describe("The location's active waivers"),
        }),
    },
    examples: [exampleOf(readinessRoutes.getReadiness, 'Is eu-west-1 ready?')],
    permission: readinessReadPermission,
    scoped: true,
    run: async ({ input, scope }) => {
      const { locationId } = parseInput(locationParamSchema, input);
      const latest = await readiness.getLatest(locationId);
      foundInScope(
        scope,
        latest,
        { partition: latest.partition, region: latest.locationId },
        `Location '${locationId}' does not exist`,
      );
      const waivers = await readiness.listWaivers({
        locationId,
        status: 'active',
      });
      return {
        locationId: latest.locationId,
        partition: latest.partition,
        level: latest.level,
        evaluatedAt: latest.evaluatedAt,
        blockers: latest.blockers,
        openChecks: latest.openChecks,
        waivedChecks: Object.values(latest.signals)
          .filter(signal => signal.waived)
          .map(signal => signal.check),
        waivers: waivers.map(w => ({
          id: w.id,
          check: w.check,
          reason: w.reason,
          approver: w.approver,
          expiresAt: w.expiresAt,
        })),
      };
    },
  });
}
