import { guardrailRoutes } from '@region-expansion/plugin-region-expansion-common';
import { RouteHandlers } from '../routing/RouteHandler';
import { GuardrailDriftService } from './GuardrailDriftService';

/**
 * Handlers of the guardrail routes (`guardrailRoutes` of the common
 * package): a location's guardrail drift, scoped to the caller's locations.
 *
 * @public
 */
export function guardrailHandlers(options: {
  guardrails: GuardrailDriftService;
}): RouteHandlers<typeof guardrailRoutes> {
  const { guardrails } = options;
  return {
    getGuardrailDrift: {
      scoped: true,
      handle: async ({ path, scope }) =>
        guardrails.drift(path.locationId, scope),
    },
  };
}
