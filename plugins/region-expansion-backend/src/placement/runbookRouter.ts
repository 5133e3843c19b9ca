import { NotFoundError } from '@backstage/errors';
import {
  runbookRoutes,
  type Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import type { CostService } from '../cost/CostService';
import { ReadinessService } from '../readiness/ReadinessService';
import { RouteHandlers } from '../routing/RouteHandler';
import { PlacementService } from './PlacementService';

/**
 * Handlers of the runbook routes (`runbookRoutes` of the common package).
 * The stored application-plane footprint, when there is one, names the
 * data stores and the cross-Region copies residency judges.
 *
 * @public
 */
export function runbookHandlers(options: {
  placement: PlacementService;
  readiness?: Pick<ReadinessService, 'getFootprint'>;
  prices?: Pick<CostService, 'priceBook'>;
}): RouteHandlers<typeof runbookRoutes> {
  const { placement, readiness, prices } = options;
  const storedFootprint = async (): Promise<Footprint | undefined> => {
    if (!readiness) return undefined;
    try {
      return (await readiness.getFootprint()).footprint;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  };
  return {
    planMigrationRunbook: async ({ body }) =>
      placement.planRunbook(body, {
        footprint: await storedFootprint(),
        priceBooks: prices
          ? regions =>
              Promise.all(regions.map(region => prices.priceBook(region)))
          : undefined,
      }),
    recordRunbookProgress: ({ path, body, actor }) =>
      placement.recordRunbookProgress(path.id, body, actor),
  };
}
