import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  encodePageCursor,
  governanceExportPermission,
  governanceFilterQuerySchema,
  governanceFindingsQuerySchema,
  governanceFreshnessQuerySchema,
  governanceHistoryQuerySchema,
  governanceReadPermission,
  governanceSnapshotQuerySchema,
  governanceSummaryQuerySchema,
  governanceSyncBodySchema,
  governanceSyncPermission,
  PageCursorList,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import Router from 'express-promise-router';
import { noQuerySchema, parseInput } from '../service/requestHelpers';
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
 * REST routes of the governance dashboard, under `/governance`.
 *
 * @public
 */
export async function createGovernanceRouter(
  options: GovernanceRouterOptions,
): Promise<express.Router> {
  const { store, sync, httpAuth, permissions } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();
  router.use(express.json());

  const authorize = async (
    req: express.Request,
    permission: BasicPermission,
  ) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  };

  router.get('/governance/summary', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { groupBy, ...filter } = parseInput(
      governanceSummaryQuerySchema,
      req.query,
    );
    res.json({ groupBy, filter, groups: await store.summary(groupBy, filter) });
  });

  router.get('/governance/findings', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, offset, cursor, ...filter } = parseInput(
      governanceFindingsQuerySchema,
      req.query,
    );
    const { total, ...page } = await store.listFindings(filter, {
      limit,
      offset,
      after: cursor,
    });
    res.json({ ...pageOf('governance-findings', limit, page), total, offset });
  });

  router.get('/governance/freshness', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const filter = parseInput(governanceFreshnessQuerySchema, req.query);
    res.json({ items: await store.freshness(filter) });
  });

  router.get('/governance/history', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, cursor, ...filter } = parseInput(
      governanceHistoryQuerySchema,
      req.query,
    );
    const page = await store.pageHistory(filter, { limit, after: cursor });
    res.json(pageOf('governance-history', limit, page));
  });

  const resilienceQuery = governanceSnapshotQuerySchema(
    'governance-resilience',
  );
  router.get('/governance/resilience', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, cursor, ...scope } = parseInput(resilienceQuery, req.query);
    const page = await store.pageResilienceApps(scope, {
      limit,
      after: cursor,
    });
    res.json(pageOf('governance-resilience', limit, page));
  });
  const auditQuery = governanceSnapshotQuerySchema('governance-audit');
  router.get('/governance/audit', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, cursor, ...scope } = parseInput(auditQuery, req.query);
    const page = await store.pageAuditControls(scope, { limit, after: cursor });
    res.json(pageOf('governance-audit', limit, page));
  });
  const conformanceQuery = governanceSnapshotQuerySchema(
    'governance-conformance',
  );
  router.get('/governance/conformance', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, cursor, ...scope } = parseInput(conformanceQuery, req.query);
    const page = await store.pageConformanceScores(scope, {
      limit,
      after: cursor,
    });
    res.json(pageOf('governance-conformance', limit, page));
  });

  router.get('/governance/evidence-bundle', async (req, res) => {
    const credentials = await authorize(req, governanceExportPermission);
    const filter = parseInput(governanceFilterQuerySchema, req.query);
    const generatedAt = now();
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    await store.writeEvidenceBundle({
      filter,
      out: res,
      generatedAt,
      requestedBy: principal.userEntityRef ?? principal.subject,
      // Labelled a ZIP only once it is built: a failure before is a JSON error.
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
  });

  router.post('/governance/sync', async (req, res) => {
    await authorize(req, governanceSyncPermission);
    parseInput(noQuerySchema, req.query);
    const { provider } = parseInput(governanceSyncBodySchema, req.body ?? {});
    try {
      res.status(202).json({ triggered: await sync.trigger(provider) });
    } catch (error) {
      if (
        error instanceof Error &&
        /Unknown governance provider/.test(error.message)
      )
        throw new InputError(`provider: ${error.message}`);
      throw error;
    }
  });

  return router;
}

export { governanceSyncPermission };
