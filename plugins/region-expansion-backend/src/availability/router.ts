import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  idSchema,
  locationManagePermission,
  locationReadPermission,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  actorOf,
  createAuthorize,
  noQuerySchema,
  parseInput,
} from '../service/requestHelpers';
import {
  AvailabilityRefreshService,
  availabilityRefreshView,
} from './AvailabilityRefreshService';

const refreshBodySchema = z.strictObject({
  partitions: z
    .array(idSchema)
    .min(1, 'must name at least one partition')
    .optional(),
});

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
 * Live availability routes: GET /availability, GET /availability/diff
 * (`region-expansion.location.read`) and POST /availability/refresh
 * (`region-expansion.location.manage`). Expects a JSON body parser in front.
 *
 * @public
 */
export async function createAvailabilityRouter(
  options: AvailabilityRouterOptions,
): Promise<express.Router> {
  const { availability } = options;
  const authorize = createAuthorize(options);
  const router = Router();

  router.get('/availability', async (req, res) => {
    await authorize(req, locationReadPermission);
    parseInput(noQuerySchema, req.query);
    res.json(await availability.status());
  });

  router.get('/availability/diff', async (req, res) => {
    await authorize(req, locationReadPermission);
    parseInput(noQuerySchema, req.query);
    res.json(await availability.diff());
  });

  router.post('/availability/refresh', async (req, res) => {
    const credentials = await authorize(req, locationManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(refreshBodySchema, req.body ?? {});
    const stored = await availability.refresh({
      trigger: 'manual',
      requestedBy: actorOf(credentials),
      partitions: input.partitions,
    });
    res.status(201).json(availabilityRefreshView(stored));
  });

  return router;
}
