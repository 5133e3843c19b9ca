import { NotAllowedError } from '@backstage/errors';
import {
  cellManagePermission,
  estateRoutes,
  summarizeCells,
} from '@region-expansion/plugin-region-expansion-common';
import {
  isInScope,
  RegionExpansionScope,
  RegionExpansionScopedResource,
} from '@region-expansion/plugin-region-expansion-node';
import { PlacementService } from '../placement/PlacementService';
import { RouteHandlers } from '../routing/RouteHandler';
import {
  cellResource,
  controlPlaneResource,
  foundInScope,
  inScope,
  locationResource,
} from '../service/scopedResources';
import { EstateService } from './EstateService';

/** A change outside the caller's scope: 403, as any refused write. */
function requireInScope(
  scope: RegionExpansionScope | undefined,
  resource: RegionExpansionScopedResource,
  what: string,
) {
  if (!isInScope(scope, resource)) {
    throw new NotAllowedError(
      `Permission '${cellManagePermission.name}' does not cover ${what}`,
    );
  }
}

/**
 * Handlers of the estate routes: partitions, locations, control planes and
 * cells (`estateRoutes` of the common package). The reads filter by the
 * caller's scope in memory: the estate is one catalog of locations and
 * every cell, already read whole.
 *
 * @public
 */
export function estateHandlers(options: {
  estate: EstateService;
  placement: PlacementService;
}): RouteHandlers<typeof estateRoutes> {
  const { estate, placement } = options;
  const locationsIn = async (
    scope: RegionExpansionScope | undefined,
    query: { partition?: string } = {},
  ) => inScope(scope, await estate.listLocations(query), locationResource);
  return {
    // A partition is listed when any of its locations is in scope.
    listPartitions: {
      scoped: true,
      handle: async ({ scope }) => {
        const partitions = await estate.listPartitions();
        if (!scope) return { items: partitions };
        const visible = new Set(
          (await locationsIn(scope)).map(l => l.partition),
        );
        return { items: partitions.filter(p => visible.has(p.id)) };
      },
    },
    listLocations: {
      scoped: true,
      handle: async ({ query, scope }) => ({
        items: await locationsIn(scope, query),
      }),
    },
    // Cell totals per location, for overviews that need no cell details;
    // under a scope summed over the cells in it (their account counts).
    summarizeLocations: {
      scoped: true,
      handle: async ({ scope }) => ({
        items: scope
          ? summarizeCells(
              inScope(scope, await estate.listCells({}), cellResource),
            )
          : await estate.summarizeLocations(),
      }),
    },
    addLocation: ({ body }) => estate.addLocation(body),
    listControlPlanes: {
      scoped: true,
      handle: async ({ query, scope }) => ({
        items: inScope(
          scope,
          await estate.listControlPlanes(query),
          controlPlaneResource,
        ),
      }),
    },
    addControlPlane: ({ body }) => estate.addControlPlane(body),
    listCells: {
      scoped: true,
      handle: async ({ query, scope }) => ({
        items: inScope(scope, await estate.listCells(query), cellResource),
      }),
    },
    addCell: {
      scoped: true,
      handle: async ({ body, scope }) => {
        if (scope) {
          // An unknown location is left to addCell's own 400.
          const location = (await estate.listLocations({})).find(
            l => l.id === body.locationId,
          );
          if (location) {
            requireInScope(
              scope,
              { ...locationResource(location), accountId: body.accountId },
              `a cell in ${body.locationId} of account ${body.accountId}`,
            );
          }
        }
        return estate.addCell(body);
      },
    },
    // Stores nothing and reads no estate: a spec and a count in, quotas out.
    planQuotas: {
      scoped: true,
      handle: async ({ body }) => ({
        items: await placement.planQuotas(body),
      }),
    },
    getCell: {
      scoped: true,
      handle: async ({ path, scope }) => {
        const cell = await estate.getCell(path.id);
        return foundInScope(
          scope,
          cell,
          cellResource(cell),
          `Cell '${path.id}' does not exist`,
        );
      },
    },
    updateCell: {
      scoped: true,
      handle: async ({ path, body, scope }) => {
        if (scope) {
          const cell = await estate.getCell(path.id);
          requireInScope(scope, cellResource(cell), `cell '${path.id}'`);
        }
        return estate.updateCell(path.id, body);
      },
    },
  };
}
