import { comparisonRoutes } from '@region-expansion/plugin-region-expansion-common';
import { RouteHandlers } from '../routing/RouteHandler';
import { ComparisonService } from './ComparisonService';

/**
 * Handlers of the comparison routes (`comparisonRoutes` of the common
 * package): the ranked comparison of locations, scoped to the locations
 * the caller may read.
 *
 * @public
 */
export function comparisonHandlers(options: {
  comparison: ComparisonService;
}): RouteHandlers<typeof comparisonRoutes> {
  const { comparison } = options;
  return {
    compareLocations: {
      scoped: true,
      handle: ({ body, scope }) => comparison.compare(body, scope),
    },
  };
}
