import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  encodePageCursor,
  governanceRoutes,
  governanceSyncPermission,
  PageCursorList,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { routerOf } from '../routing/mountRoutes';
import { RouteHandlers } from '../routing/RouteHandler';
import { GovernanceService } from './GovernanceService';
import { GovernanceSyncService } from './GovernanceSyncService';

/** A page as the routes answer it: the store's next key as an opaque cursor. */
function pageOf<T>(
  list: PageCursorList,
  limit: number,
  page: { items: T[]; nextKey?: string[] },
) {
  return {
    items: page.items,
    limit,
    ...(page.nextKey
      ? { nextCursor: encodePageCursor(list, page.nextKey) }
      : {}),
  };
}

/**
 * The handler of a list read a keyset page at a time: `limit` and `cursor`
 * page the read, the rest of the query filters it.
 */
function keysetListHandler<Q extends { limit: number; cursor?: string[] }, T>(
  list: PageCursorList,
  read: (
    filter: Omit<Q, 'limit' | 'cursor'>,
    page: { limit: number; after?: string[] },
  ) => Promise<{ items: T[]; nextKey?: string[] }>,
) {
  return async ({ query }: { query: Q }) => {
    const { limit, cursor, ...filter } = query;
    return pageOf(list, limit, await read(filter, { limit, after: cursor }));
  };
}

/**
 * Options of {@link createGovernanceRouter}.
 *
 * @public
 */
export interface GovernanceRouterOptions {
  store: GovernanceService;
  sync: Pick<GovernanceSyncService, 'trigger'>;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  now?: () => Date;
}

/**
 * Handlers of the governance routes (`governanceRoutes` of the common
 * package).
 *
 * @public
 */
export function governanceHandlers(
  options: Pick<GovernanceRouterOptions, 'store' | 'sync' | 'now'>,
): RouteHandlers<typeof governanceRoutes> {
  const { store, sync } = options;
  const now = options.now ?? (() => new Date());
  return {
    getGovernanceSummary: async ({ query: { groupBy, ...filter } }) => ({
      groupBy,
      filter,
      groups: await store.summary(groupBy, filter),
    }),
    listGovernanceFindings: async ({ query }) => {
      const { limit, offset, cursor, ...filter } = query;
      const { total, ...page } = await store.listFindings(filter, {
        limit,
        offset,
        after: cursor,
      });
      return { ...pageOf('governance-findings', limit, page), total, offset };
    },
    getGovernanceFreshness: async ({ query }) => ({
      items: await store.freshness(query),
    }),
    getGovernanceHistory: keysetListHandler(
      'governance-history',
      (filter, page) => store.pageHistory(filter, page),
    ),
    listResilienceApps: keysetListHandler(
      'governance-resilience',
      (filter, page) => store.pageResilienceApps(filter, page),
    ),
    listAuditControls: keysetListHandler('governance-audit', (filter, page) =>
      store.pageAuditControls(filter, page),
    ),
    listConformanceScores: keysetListHandler(
      'governance-conformance',
      (filter, page) => store.pageConformanceScores(filter, page),
    ),
    downloadEvidenceBundle: async ({ query, credentials, res }) => {
      const generatedAt = now();
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      await store.writeEvidenceBundle({
        filter: query,
        out: res,
        generatedAt,
        requestedBy: principal.userEntityRef ?? principal.subject,
        // Labelled a ZIP only once it is built: a failure before is a JSON
        // error.
        beforeSend: () => {
          res.setHeader('content-type', 'application/zip');
          res.setHeader(
            'content-disposition',
            `attachment; filename="governance-evidence-${generatedAt
              .toISOString()
              .slice(0, 10)}.zip"`,
          );
        },
      });
    },
    triggerGovernanceSync: async ({ body }) => {
      try {
        return { triggered: await sync.trigger(body.provider) };
      } catch (error) {
        if (
          error instanceof Error &&
          /Unknown governance provider/.test(error.message)
        ) {
          throw new InputError(`provider: ${error.message}`);
        }
        throw error;
      }
    },
  };
}

/**
 * REST routes of the governance dashboard, under `/governance`.
 *
 * @public
 */
export async function createGovernanceRouter(
  options: GovernanceRouterOptions,
): Promise<express.Router> {
  return routerOf(governanceRoutes, governanceHandlers(options), options);
}

export { governanceSyncPermission };
