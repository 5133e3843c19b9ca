import {
  placementExecutePermission,
  placementRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { parseInput } from '../routing/requestHelpers';
import { reply, RouteHandlers } from '../routing/RouteHandler';
import { PlacementService } from './PlacementService';

/**
 * Handlers of the placement routes (`placementRoutes` of the common
 * package). A request without `strategy` gets the configured default.
 *
 * @public
 */
export function placementHandlers(options: {
  placement: PlacementService;
}): RouteHandlers<typeof placementRoutes> {
  const { placement } = options;
  /** The body with the configured default strategy where it names none. */
  const withStrategy = (body: unknown): unknown =>
    body && typeof body === 'object' && !Array.isArray(body)
      ? { strategy: placement.defaultStrategy, ...body }
      : body;
  return {
    place: {
      parseBody: raw =>
        parseInput(placementRoutes.place.body, withStrategy(raw)),
      handle: async ({ body, actor }) => {
        const outcome = await placement.place(body, actor);
        return outcome.record ? outcome : reply(200, outcome);
      },
    },
    whatIf: {
      parseBody: raw =>
        parseInput(placementRoutes.whatIf.body, withStrategy(raw)),
      handle: ({ body }) => placement.whatIf(body),
    },
    planMigration: {
      parseBody: raw =>
        parseInput(placementRoutes.planMigration.body, withStrategy(raw)),
      handle: async ({ body, actor, authorize }) => {
        // Checking a move needs only the route's read permission; making it
        // needs placement.execute too.
        if (body.commit) await authorize(placementExecutePermission);
        const outcome = await placement.planMigration(body, actor);
        return outcome.record ? reply(201, outcome) : outcome;
      },
    },
  };
}
