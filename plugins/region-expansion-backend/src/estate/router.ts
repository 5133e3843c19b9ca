import { estateRoutes } from '@region-expansion/plugin-region-expansion-common';
import { PlacementService } from '../placement/PlacementService';
import { RouteHandlers } from '../routing/RouteHandler';
import { EstateService } from './EstateService';

/**
 * Handlers of the estate routes: partitions, locations, control planes and
 * cells (`estateRoutes` of the common package).
 *
 * @public
 */
export function estateHandlers(options: {
  estate: EstateService;
  placement: PlacementService;
}): RouteHandlers<typeof estateRoutes> {
  const { estate, placement } = options;
  return {
    listPartitions: async () => ({ items: await estate.listPartitions() }),
    listLocations: async ({ query }) => ({
      items: await estate.listLocations(query),
    }),
    // Cell totals per location, for overviews that need no cell details.
    summarizeLocations: async () => ({
      items: await estate.summarizeLocations(),
    }),
    addLocation: ({ body }) => estate.addLocation(body),
    listControlPlanes: async ({ query }) => ({
      items: await estate.listControlPlanes(query),
    }),
    addControlPlane: ({ body }) => estate.addControlPlane(body),
    listCells: async ({ query }) => ({ items: await estate.listCells(query) }),
    addCell: ({ body }) => estate.addCell(body),
    planQuotas: async ({ body }) => ({
      items: await placement.planQuotas(body),
    }),
    getCell: ({ path }) => estate.getCell(path.id),
    updateCell: ({ path, body }) => estate.updateCell(path.id, body),
  };
}
