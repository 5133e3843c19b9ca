import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  encodePageCursor,
  governanceReadPermission,
  governanceRoutes,
  governanceSyncPermission,
  PageCursorList,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { routerOf } from '../routing/mountRoutes';
import type { RegionExpansionScope } from '@region-expansion/plugin-region-expansion-node';
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
    filter: Omit<Q, 'limit' | 'cursor'> & { scope?: RegionExpansionScope },
    page: { limit: number; after?: string[] },
  ) => Promise<{ items: T[]; nextKey?: string[] }>,
) {
  return {
    scoped: true as const,
    handle: async ({
      query,
      scope,
    }: {
      query: Q;
      scope?: RegionExpansionScope;
    }) => {
      const { limit, cursor, ...filter } = query;
      const page = await read({ ...filter, scope }, { limit, after: cursor });
      return pageOf(list, limit, page);
    },
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
    // Every read filters by the caller's scope in the store query, so
    // counts and pages hold only what the caller may read.
    getGovernanceSummary: {
      scoped: true,
      handle: async ({ query: { groupBy, ...filter }, scope }) => ({
        groupBy,
        filter,
        groups: await store.summary(groupBy, { ...filter, scope }),
      }),
    },
    listGovernanceFindings: {
      scoped: true,
      handle: async ({ query, scope }) => {
        const { limit, offset, cursor, ...filter } = query;
        const { total, ...page } = await store.listFindings(
          { ...filter, scope },
          { limit, offset, after: cursor },
        );
        return { ...pageOf('governance-findings', limit, page), total, offset };
      },
    },
    getGovernanceFreshness: {
      scoped: true,
      handle: async ({ query, scope }) => ({
        items: await store.freshness({ ...query, scope }),
      }),
    },
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
    downloadEvidenceBundle: {
      scoped: true,
      handle: async ({ query, scope, credentials, res }) => {
        const generatedAt = now();
        const principal = credentials.principal as {
          userEntityRef?: string;
          subject?: string;
        };
        await store.writeEvidenceBundle({
          filter: { ...query, scope },
          out: res,
          generatedAt,
          requestedBy: principal.userEntityRef ?? principal.subject,
          // Labelled a ZIP only once it is built: a failure before is a JSON
          // error.
          beforeSend: ({ bytes }) => {
            res.setHeader('content-type', 'application/zip');
            res.setHeader('content-length', String(bytes));
            res.setHeader(
              'content-disposition',
              `attachment; filename="governance-evidence-${generatedAt
                .toISOString()
                .slice(0, 10)}.zip"`,
            );
          },
        });
      },
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
  // The export checks its own basic permission; what it holds is scoped
  // by the decision on reading governance, as every other read here.
  return routerOf(governanceRoutes, governanceHandlers(options), {
    ...options,
    scopeBy: governanceReadPermission,
  });
}

export { governanceSyncPermission };
