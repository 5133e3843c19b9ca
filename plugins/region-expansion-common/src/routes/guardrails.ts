import { readinessReadPermission } from '../permissions';
import { locationGuardrailDriftSchema } from '../schemas/guardrails';
import { locationParamSchema } from '../schemas/readiness';
import { defineRoute } from './route';

/**
 * Routes of guardrails: the drift of a location's rendered guardrails from
 * AWS Organizations.
 *
 * @public
 */
export const guardrailRoutes = {
  getGuardrailDrift: defineRoute({
    method: 'GET',
    path: '/locations/{locationId}/guardrail-drift',
    // The diff is what the guardrail-drift readiness signal summarizes:
    // who may read readiness may read it, a scoped caller only for its
    // locations.
    permission: readinessReadPermission,
    tag: 'guardrails',
    summary:
      "The drift of a location's guardrails from AWS Organizations: OU placement and SCP statements",
    description:
      "For each guardrail plan of the location (`regionExpansion.guardrails.drift.plans`), the OU placement (OU found, accounts elsewhere or unexpected) and each rendered SCP compared statement by statement with the policy AWS Organizations holds (missing, extra, changed; order-insensitive), plus customer SCPs on the OU the plan does not render. AWS Organizations is read through the management or delegated administrator account configured per partition (reused for the configured cache time); a plan whose partition cannot be read is `unknown` with a fixed reason, never the AWS error. An unknown location, or one outside a scoped caller's scope, is a 404. Nothing is stored.",
    params: locationParamSchema,
    response: locationGuardrailDriftSchema,
    status: 200,
    responseDescription: "The drift of each of the location's plans",
    errors: [404],
    example: { params: { locationId: 'eu-central-1' } },
  }),
};
