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
  governanceExportPermission,
  governanceReadPermission,
  governanceSyncPermission,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { writeEvidenceBundle } from './evidenceBundle';
import { GovernanceStore } from './GovernanceStore';
import { GovernanceSyncService } from './GovernanceSyncService';

const text = z.string().min(1).max(1024);
const filterSchema = z
  .object({
    partition: text.optional(),
    region: text.optional(),
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit account id')
      .optional(),
    severity: text.optional(),
    complianceStatus: text.optional(),
    controlId: text.optional(),
    workflowStatus: text.optional(),
    recordState: text.optional(),
    source: z
      .enum([
        'securityhub',
        'securityhub-ocsf',
        'resiliencehub',
        'auditmanager',
        'config',
      ])
      .optional(),
  })
  .strict();
const summarySchema = filterSchema.extend({
  groupBy: z
    .enum(['partition', 'region', 'account', 'severity', 'control', 'status'])
    .default('severity'),
});
const findingsSchema = filterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const syncSchema = z.object({ provider: text.optional() }).strict();

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue.path.join('.') ||
      (issue as { keys?: string[] }).keys?.join(', ') ||
      'query';
    throw new InputError(`Invalid ${field}: ${issue.message}`);
  }
  return result.data;
}

/**
 * Options of {@link createGovernanceRouter}.
 *
 * @public
 */
export interface GovernanceRouterOptions {
  store: GovernanceStore;
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
    const { groupBy, ...filter } = parse(summarySchema, req.query);
    res.json({ groupBy, filter, groups: await store.summary(groupBy, filter) });
  });

  router.get('/governance/findings', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const { limit, offset, ...filter } = parse(findingsSchema, req.query);
    const page = await store.listFindings(filter, { limit, offset });
    res.json({ ...page, limit, offset });
  });

  router.get('/governance/freshness', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const filter = parse(
      filterSchema.pick({ partition: true, source: true }).strict(),
      req.query,
    );
    res.json({ items: await store.freshness(filter) });
  });

  router.get('/governance/history', async (req, res) => {
    await authorize(req, governanceReadPermission);
    const filter = parse(
      filterSchema.pick({ partition: true, source: true }).strict(),
      req.query,
    );
    res.json({ items: await store.history(filter) });
  });

  const scopeSchema = filterSchema
    .pick({ partition: true, region: true, accountId: true })
    .strict();
  router.get('/governance/resilience', async (req, res) => {
    await authorize(req, governanceReadPermission);
    res.json({
      items: await store.listResilienceApps(parse(scopeSchema, req.query)),
    });
  });
  router.get('/governance/audit', async (req, res) => {
    await authorize(req, governanceReadPermission);
    res.json({
      items: await store.listAuditControls(parse(scopeSchema, req.query)),
    });
  });
  router.get('/governance/conformance', async (req, res) => {
    await authorize(req, governanceReadPermission);
    res.json({
      items: await store.listConformanceScores(parse(scopeSchema, req.query)),
    });
  });

  router.get('/governance/evidence-bundle', async (req, res) => {
    const credentials = await authorize(req, governanceExportPermission);
    const filter = parse(filterSchema, req.query);
    const generatedAt = now();
    res.setHeader('content-type', 'application/zip');
    res.setHeader(
      'content-disposition',
      `attachment; filename="governance-evidence-${generatedAt
        .toISOString()
        .slice(0, 10)}.zip"`,
    );
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    await writeEvidenceBundle({
      store,
      filter,
      out: res,
      generatedAt,
      requestedBy: principal.userEntityRef ?? principal.subject,
    });
  });

  router.post('/governance/sync', async (req, res) => {
    await authorize(req, governanceSyncPermission);
    const { provider } = parse(syncSchema, req.body ?? {});
    try {
      res.status(202).json({ triggered: await sync.trigger(provider) });
    } catch (error) {
      if (
        error instanceof Error &&
        /Unknown governance provider/.test(error.message)
      )
        throw new InputError(`Invalid provider: ${error.message}`);
      throw error;
    }
  });

  return router;
}

export { governanceSyncPermission };
