import {
  locationManagePermission,
  locationReadPermission,
} from '../permissions';
import {
  availabilityDiffSchema,
  availabilityRefreshBodySchema,
  availabilityRefreshSchema,
  availabilityStatusSchema,
} from '../schemas/availability';
import { defineRoute } from './route';

/**
 * Routes of live availability: the latest SSM refresh, its difference from
 * the bundled snapshot, and a refresh now.
 *
 * @public
 */
export const availabilityRoutes = {
  getAvailability: defineRoute({
    method: 'GET',
    path: '/availability',
    permission: locationReadPermission,
    tag: 'availability',
    summary: 'The latest live availability refresh from SSM',
    description:
      'Whether live refresh is enabled, the partitions it reads, the date of the bundled snapshot, and the latest stored refresh of the SSM public parameters `/aws/service/global-infrastructure/regions/<region>/services` (null before the first): when it read, the partitions, pages read and failed (best effort: each failed page is listed, every other page is kept) and the service count per location.',
    response: availabilityStatusSchema,
    status: 200,
    responseDescription: 'Status and latest refresh',
  }),
  getAvailabilityDiff: defineRoute({
    method: 'GET',
    path: '/availability/diff',
    permission: locationReadPermission,
    tag: 'availability',
    summary: 'Snapshot against the latest live refresh',
    description:
      'Service codes (of the service mapping) added and removed per location between the bundled snapshot and the latest refresh, with both dates. Unchanged locations are omitted; a location whose listing stopped at a failed page is `partial` and lists no removals. 404 before the first refresh.',
    response: availabilityDiffSchema,
    status: 200,
    responseDescription: 'Differences per location',
    errors: [404],
  }),
  refreshAvailability: defineRoute({
    method: 'POST',
    path: '/availability/refresh',
    permission: locationManagePermission,
    tag: 'availability',
    summary: 'Read SSM public parameters now and store the refresh',
    description:
      "Runs a live refresh at once (the `region-expansion-availability` task runs it on its schedule) over the configured partitions, or the ones named, each partition with its own account (`regionExpansion.availability.live.accounts.<partition>`, else its first governance target account); a partition without one is not read and is listed under `skipped`. 409 while a refresh runs on any backend replica (they share a lease in the database that expires 5 minutes after a crashed replica's last renewal); 503 when live refresh is not enabled.",
    body: availabilityRefreshBodySchema,
    bodyOptional: true,
    response: availabilityRefreshSchema,
    status: 201,
    responseDescription: 'The stored refresh',
    errors: [409, 503],
    example: { body: { partitions: ['aws'] } },
  }),
};
