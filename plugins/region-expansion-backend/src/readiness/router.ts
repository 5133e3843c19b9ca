import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  encodePageCursor,
  locationManagePermission,
  ReadinessCheck,
  readinessReadPermission,
  waiverManagePermission,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  actorOf,
  authorizeBeforeBody,
  authorizedCredentials,
  createAuthorize,
  nameOversizedBody,
  noQuerySchema,
  parseInput,
} from '../service/requestHelpers';
import { ReadinessService } from './ReadinessService';
import {
  assessUploadSchema,
  createWaiverSchema,
  footprintQuerySchema,
  footprintSchema,
  historyQuerySchema,
  locationParamSchema,
  readinessListQuerySchema,
  waiverParamSchema,
  waiverQuerySchema,
} from './schemas';

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
 * Readiness routes: latest levels, history, manual re-evaluation, waivers
 * and the application-plane footprint. Every route authenticates the caller
 * and checks one permission:
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
  const { httpAuth, permissions, readiness } = options;
  const router = Router();

  const authorize = createAuthorize({ httpAuth, permissions });

  const footprintBodyLimit = options.footprintBodyLimit ?? '10mb';
  // Authorized before the body is read: only location managers may make the
  // server buffer up to the footprint limit.
  router.put(
    '/application-plane/footprint',
    authorizeBeforeBody(authorize, locationManagePermission),
    express.json({ limit: footprintBodyLimit }),
    nameOversizedBody({
      field: '(root)',
      limit: footprintBodyLimit,
      hint: 'send the footprint (service codes and actions), not the infrastructure code it was read from',
    }),
    async (req: express.Request, res: express.Response) => {
      const credentials = authorizedCredentials(res);
      const query = parseInput(footprintQuerySchema, req.query);
      const footprint = parseInput(footprintSchema, req.body);
      const actor = actorOf(credentials);
      const result = await readiness.putFootprint(footprint, {
        source: query.source ?? `uploaded by ${actor}`,
        actor,
      });
      res.json(result);
    },
  );

  const assessBodyLimit = options.assessBodyLimit ?? '10mb';
  // Authorized before the body is read: only readers upload a file.
  const authorizeAssess: express.RequestHandler = async (req, _res, next) => {
    try {
      await authorize(req, readinessReadPermission);
      next();
    } catch (error) {
      next(error);
    }
  };
  // body-parser's own message for an oversized body names no field.
  const nameOversizedContent: express.ErrorRequestHandler = (
    error,
    _req,
    _res,
    next,
  ) => {
    next(
      error?.type === 'entity.too.large'
        ? Object.assign(
            new Error(
              `content: the request is over the ${assessBodyLimit} body limit; assess a smaller file or use \`yarn region-expansion assess\``,
            ),
            { name: 'PayloadTooLargeError', statusCode: 413 },
          )
        : error,
    );
  };
  // One slot of the bounded concurrent assessments per request, taken before
  // the body is read and given back when the response ends; none free: 429.
  const reserveSlot: express.RequestHandler = (_req, res, next) => {
    try {
      const slot = readiness.reserveAssessment();
      res.locals.assessmentSlot = slot;
      // A caller that hangs up mid-assessment does not free the slot early.
      res.on('close', () => {
        if (!res.locals.assessing) slot.release();
      });
      next();
    } catch (error) {
      next(error);
    }
  };
  const assess: express.RequestHandler = async (req, res) => {
    const slot = res.locals.assessmentSlot;
    res.locals.assessing = true;
    try {
      parseInput(noQuerySchema, req.query);
      const { locationId } = parseInput(locationParamSchema, req.params);
      const input = parseInput(assessUploadSchema, req.body);
      res.json(
        await readiness.assessUpload(
          locationId,
          {
            fileName: input.fileName,
            content: Buffer.from(input.content, input.encoding),
          },
          {
            residency: input.residency,
            classification: input.classification,
            homeCountry: input.homeCountry,
          },
          slot,
        ),
      );
    } finally {
      slot.release();
    }
  };
  const sayWhenToRetry: express.ErrorRequestHandler = (
    error,
    _req,
    res,
    next,
  ) => {
    if (error?.statusCode === 429 && error.retryAfterSeconds) {
      res.set('Retry-After', String(error.retryAfterSeconds));
    }
    next(error);
  };
  router.post(
    '/readiness/:locationId/assess',
    authorizeAssess,
    reserveSlot,
    express.json({ limit: assessBodyLimit }),
    nameOversizedContent,
    assess,
    sayWhenToRetry,
  );

  router.use(express.json());

  router.get('/application-plane/footprint', async (req, res) => {
    await authorize(req, readinessReadPermission);
    parseInput(noQuerySchema, req.query);
    res.json(await readiness.getFootprint());
  });

  router.get('/readiness', async (req, res) => {
    await authorize(req, readinessReadPermission);
    const query = parseInput(readinessListQuerySchema, req.query);
    res.json({ items: await readiness.listLatest(query) });
  });

  router.get('/readiness/:locationId', async (req, res) => {
    await authorize(req, readinessReadPermission);
    parseInput(noQuerySchema, req.query);
    const { locationId } = parseInput(locationParamSchema, req.params);
    res.json(await readiness.getLatest(locationId));
  });

  router.get('/readiness/:locationId/history', async (req, res) => {
    await authorize(req, readinessReadPermission);
    const { locationId } = parseInput(locationParamSchema, req.params);
    const query = parseInput(historyQuerySchema, req.query);
    const { nextKey, ...page } = await readiness.getHistory(locationId, {
      since: query.since ? new Date(query.since).toISOString() : undefined,
      changesOnly: query.changesOnly === 'true',
      offset: query.offset,
      limit: query.limit,
      before: query.cursor?.[0],
    });
    res.json({
      ...page,
      offset: query.offset,
      limit: query.limit,
      ...(nextKey
        ? { nextCursor: encodePageCursor('readiness-history', nextKey) }
        : {}),
    });
  });

  router.post('/readiness/:locationId/evaluate', async (req, res) => {
    await authorize(req, waiverManagePermission);
    parseInput(noQuerySchema, req.query);
    const { locationId } = parseInput(locationParamSchema, req.params);
    res.status(201).json(await readiness.evaluate(locationId, 'manual'));
  });

  router.get('/waivers', async (req, res) => {
    await authorize(req, readinessReadPermission);
    const { limit, cursor, ...filter } = parseInput(
      waiverQuerySchema,
      req.query,
    );
    const page = await readiness.pageWaivers(
      { ...filter, check: filter.check as ReadinessCheck | undefined },
      { limit, after: cursor },
    );
    res.json({
      items: page.items,
      limit,
      ...(page.nextKey
        ? { nextCursor: encodePageCursor('waivers', page.nextKey) }
        : {}),
    });
  });

  router.post('/waivers', async (req, res) => {
    const credentials = await authorize(req, waiverManagePermission);
    parseInput(noQuerySchema, req.query);
    const input = parseInput(createWaiverSchema, req.body);
    const result = await readiness.addWaiver(
      {
        ...input,
        check: input.check as ReadinessCheck,
        expiresAt: new Date(input.expiresAt).toISOString(),
      },
      actorOf(credentials),
    );
    res.status(201).json(result);
  });

  router.delete('/waivers/:id', async (req, res) => {
    const credentials = await authorize(req, waiverManagePermission);
    parseInput(noQuerySchema, req.query);
    const { id } = parseInput(waiverParamSchema, req.params);
    res.json(await readiness.revokeWaiver(id, actorOf(credentials)));
  });

  return router;
}
