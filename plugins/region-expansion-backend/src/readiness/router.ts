import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  encodePageCursor,
  readinessRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { routerOf } from '../routing/mountRoutes';
import type { RegionExpansionScope } from '@region-expansion/plugin-region-expansion-node';
import { RouteHandlers } from '../routing/RouteHandler';
import { foundInScope, inScope } from '../service/scopedResources';
import { AssessmentSlot } from './FootprintAssessor';
import { ReadinessService } from './ReadinessService';
import { uploadOfBody } from './uploadedFootprint';

/**
 * Options of {@link createReadinessRouter}.
 *
 * @public
 */
export interface ReadinessRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  readiness: ReadinessService;
  /** Body size limit of PUT /application-plane/footprint. Default `10mb`. */
  footprintBodyLimit?: string;
  /**
   * Body size limit of POST /readiness/:locationId/assess (the file travels
   * in it, as base64 a third larger). Default `10mb`.
   */
  assessBodyLimit?: string;
}

/**
 * Handlers of the readiness routes (`readinessRoutes` of the common
 * package): latest levels, history, manual re-evaluation, assessment of an
 * uploaded file, waivers and the application-plane footprint.
 *
 * @public
 */
export function readinessHandlers(options: {
  readiness: ReadinessService;
}): RouteHandlers<typeof readinessRoutes> {
  const { readiness } = options;
  // Readiness rows carry their partition; a scope filters them in memory
  // (one row per location). A location outside it answers 404, as one
  // that does not exist.
  const evaluated = (e: { partition: string; locationId: string }) => ({
    partition: e.partition,
    region: e.locationId,
  });
  const requireLocationInScope = async (
    locationId: string,
    scope: RegionExpansionScope | undefined,
  ) => {
    if (!scope) return;
    const latest = (await readiness.listLatest({})).find(
      e => e.locationId === locationId,
    );
    const resource = latest
      ? evaluated(latest)
      : { partition: '', region: locationId };
    foundInScope(
      scope,
      undefined,
      resource,
      `Location '${locationId}' does not exist`,
    );
  };
  return {
    listReadiness: {
      scoped: true,
      handle: async ({ query, scope }) => ({
        items: inScope(scope, await readiness.listLatest(query), evaluated),
      }),
    },
    getReadiness: {
      scoped: true,
      handle: async ({ path, scope }) => {
        const latest = await readiness.getLatest(path.locationId);
        return foundInScope(
          scope,
          latest,
          evaluated(latest),
          `Location '${path.locationId}' does not exist`,
        );
      },
    },
    getReadinessHistory: {
      scoped: true,
      handle: async ({ path, query, scope }) => {
        await requireLocationInScope(path.locationId, scope);
        const { nextKey, ...page } = await readiness.getHistory(
          path.locationId,
          {
            since: query.since
              ? new Date(query.since).toISOString()
              : undefined,
            changesOnly: query.changesOnly === 'true',
            offset: query.offset,
            limit: query.limit,
            before: query.cursor?.[0],
          },
        );
        return {
          ...page,
          offset: query.offset,
          limit: query.limit,
          ...(nextKey
            ? { nextCursor: encodePageCursor('readiness-history', nextKey) }
            : {}),
        };
      },
    },
    evaluateReadiness: ({ path }) =>
      readiness.evaluate(path.locationId, 'manual'),
    assessFootprint: {
      // One slot of the bounded concurrent assessments per request, taken
      // before the body is read and given back when the response ends;
      // none free: 429.
      beforeBody: (_req, res) => {
        const slot = readiness.reserveAssessment();
        res.locals.assessmentSlot = slot;
        // A caller that hangs up mid-assessment does not free the slot early.
        res.on('close', () => {
          if (!res.locals.assessing) slot.release();
        });
      },
      handle: async ({ path, body, res }) => {
        const slot: AssessmentSlot = res.locals.assessmentSlot;
        res.locals.assessing = true;
        try {
          const { upload, profile } = uploadOfBody(body);
          return await readiness.assessUpload(
            path.locationId,
            upload,
            profile,
            slot,
          );
        } finally {
          slot.release();
        }
      },
    },
    // Filtered in memory over the page read (a page may come back short;
    // `nextCursor` still follows the store's keyset).
    listWaivers: {
      scoped: true,
      handle: async ({ query: { limit, cursor, ...filter }, scope }) => {
        const page = await readiness.pageWaivers(filter, {
          limit,
          after: cursor,
        });
        const partitions = new Map(
          scope
            ? (await readiness.listLatest({})).map(e => [
                e.locationId,
                e.partition,
              ])
            : [],
        );
        return {
          items: inScope(scope, page.items, w => ({
            partition: partitions.get(w.locationId) ?? '',
            region: w.locationId,
          })),
          limit,
          ...(page.nextKey
            ? { nextCursor: encodePageCursor('waivers', page.nextKey) }
            : {}),
        };
      },
    },
    addWaiver: ({ body, actor }) =>
      readiness.addWaiver(
        { ...body, expiresAt: new Date(body.expiresAt).toISOString() },
        actor,
      ),
    revokeWaiver: ({ path, actor }) => readiness.revokeWaiver(path.id, actor),
    // The application plane's footprint belongs to no location.
    getApplicationPlaneFootprint: {
      scoped: true,
      handle: () => readiness.getFootprint(),
    },
    putApplicationPlaneFootprint: ({ query, body, actor }) =>
      readiness.putFootprint(body, {
        source: query.source ?? `uploaded by ${actor}`,
        actor,
      }),
  };
}

/**
 * The readiness routes, each authenticating the caller and checking one
 * permission before it reads the body:
 *
 * - reads: `region-expansion.readiness.read`; so is
 *   POST /readiness/:locationId/assess, which judges an uploaded file like
 *   a what-if and stores nothing;
 * - POST /readiness/:locationId/evaluate, POST /waivers, DELETE /waivers/:id:
 *   `region-expansion.waiver.manage` (who manages readiness exceptions may
 *   also refresh a level; a re-evaluation changes no input);
 * - PUT /application-plane/footprint: `region-expansion.location.manage`
 *   (it changes what every location is judged against).
 *
 * @public
 */
export async function createReadinessRouter(
  options: ReadinessRouterOptions,
): Promise<express.Router> {
  return routerOf(readinessRoutes, readinessHandlers(options), {
    ...options,
    bodyLimits: {
      putApplicationPlaneFootprint: options.footprintBodyLimit,
      assessFootprint: options.assessBodyLimit,
    },
  });
}
