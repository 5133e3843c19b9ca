import { designRoutes } from '@region-expansion/plugin-region-expansion-common';
import { RouteHandlers } from '../routing/RouteHandler';
import { DesignService } from './DesignService';

/**
 * Handlers of the design routes (`designRoutes` of the common package):
 * architecture advice for a location, scoped to the caller's locations.
 *
 * @public
 */
export function designHandlers(options: {
  design: DesignService;
}): RouteHandlers<typeof designRoutes> {
  const { design } = options;
  return {
    getArchitectureAdvice: {
      scoped: true,
      handle: async ({ path, query, scope }) => {
        const { isolation, encryption, controlPlane, ...request } = query;
        return design.advise(
          path.locationId,
          { ...request, chosen: { isolation, encryption, controlPlane } },
          scope,
        );
      },
    },
  };
}
