import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { availabilityRoutes } from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { routerOf } from '../routing/mountRoutes';
import { RouteHandlers } from '../routing/RouteHandler';
import {
  AvailabilityRefreshService,
  availabilityRefreshView,
} from './AvailabilityRefreshService';

/**
 * Options of {@link createAvailabilityRouter}.
 *
 * @public
 */
export interface AvailabilityRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  availability: AvailabilityRefreshService;
}

/**
 * Handlers of the live availability routes (`availabilityRoutes` of the
 * common package).
 *
 * @public
 */
export function availabilityHandlers(options: {
  availability: AvailabilityRefreshService;
}): RouteHandlers<typeof availabilityRoutes> {
  const { availability } = options;
  return {
    getAvailability: () => availability.status(),
    getAvailabilityDiff: () => availability.diff(),
    refreshAvailability: async ({ body, actor }) =>
      availabilityRefreshView(
        await availability.refresh({
          trigger: 'manual',
          requestedBy: actor,
          partitions: body.partitions,
        }),
      ),
  };
}

/**
 * Live availability routes: GET /availability, GET /availability/diff
 * (`region-expansion.location.read`) and POST /availability/refresh
 * (`region-expansion.location.manage`).
 *
 * @public
 */
export async function createAvailabilityRouter(
  options: AvailabilityRouterOptions,
): Promise<express.Router> {
  return routerOf(availabilityRoutes, availabilityHandlers(options), options);
}
