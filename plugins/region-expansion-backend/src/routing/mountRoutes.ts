import {
  isFileResponse,
  RouteDefinition,
} from '@region-expansion/plugin-region-expansion-common';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  actorOf,
  Authorize,
  AuthorizeScope,
  authorizedCredentials,
  createAuthorize,
  createAuthorizeScope,
  nameOversizedBody,
  noQuerySchema,
  parseInput,
} from './requestHelpers';
import { requireBodyType } from './requireBodyType';
import {
  isReply,
  RouteContext,
  RouteHandler,
  RouteHandlers,
} from './RouteHandler';

/**
 * Options of {@link mountRoutes}.
 *
 * @public
 */
export interface MountRoutesOptions<T> {
  /** Authenticates the caller and checks one permission. */
  authorize: Authorize;
  /** Decides a resource permission with its conditions. */
  authorizeScope: AuthorizeScope;
  /**
   * The resource permission whose decision also scopes the table's reads
   * that check a basic permission (the cells and readiness of a location
   * are scoped by `region-expansion.location.read`).
   */
  scopeBy?: ResourcePermission;
  /** Body limits set by configuration, by route id. */
  bodyLimits?: Partial<Record<keyof T, string>>;
}

type Step = (
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) => unknown;

/** Passes a rejected promise of an async step to express's error handling. */
const step =
  (fn: Step): express.RequestHandler =>
  (req, res, next) => {
    try {
      Promise.resolve(fn(req, res, next)).catch(next);
    } catch (error) {
      next(error);
    }
  };

/** `/cells/{id}` as express writes it: `/cells/:id`. */
const expressPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** A 429's `Retry-After`, when the error says when to retry. */
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

function normalize<R extends RouteDefinition>(handler: RouteHandler<R>) {
  return typeof handler === 'function' ? { handle: handler } : handler;
}

/**
 * The caller's credentials and scope for a route: a resource permission is
 * decided with its conditions; a basic one by itself, then (for a read)
 * the table's `scopeBy`. A conditional decision reaches only a handler
 * declared `scoped`; any other route answers 403, so nothing unfiltered
 * leaks to a caller allowed only part of the estate.
 */
async function authorizeRoute(
  req: express.Request,
  route: RouteDefinition,
  scoped: boolean,
  options: MountRoutesOptions<unknown>,
) {
  const permission = route.permission;
  let decided: Awaited<ReturnType<AuthorizeScope>>;
  let scopedBy = permission;
  if (isResourcePermission(permission)) {
    decided = await options.authorizeScope(req, permission);
  } else {
    decided = { credentials: await options.authorize(req, permission) };
    if (options.scopeBy && permission.attributes.action === 'read') {
      scopedBy = options.scopeBy;
      decided = await options.authorizeScope(req, options.scopeBy);
    }
  }
  if (decided.scope && !scoped) {
    throw new NotAllowedError(
      `Permission '${scopedBy.name}' is granted for part of the estate only, and ${route.method} ${route.path} cannot be filtered by it`,
    );
  }
  return decided;
}

/**
 * Mounts every route of a table on `router`, each in one order:
 *
 * 1. authenticate the caller and check the route's permission, before
 *    anything reads the body (a caller without it cannot make the server
 *    buffer or wait for a large upload);
 * 2. the handler's own step before the body (`beforeBody`);
 * 3. refuse a body of a media type the route does not read (415), then read
 *    it within the route's limit (a 413 naming the field and the limit);
 * 4. validate the query, the path and the body with the route's strict
 *    schemas (a 400 `field: reason`; an unknown query key is named);
 * 5. call the handler and answer its result with the route's status.
 *
 * @public
 */
export function mountRoutes<T extends Record<string, RouteDefinition>>(
  router: express.Router,
  routes: T,
  handlers: RouteHandlers<T>,
  options: MountRoutesOptions<T>,
): void {
  const { authorize } = options;
  for (const [id, route] of Object.entries(routes) as Array<
    [keyof T & string, RouteDefinition]
  >) {
    const handler = normalize(handlers[id] as RouteHandler<RouteDefinition>);
    const chain: express.Handler[] = [
      step(async (req, res, next) => {
        const { credentials, scope } = await authorizeRoute(
          req,
          route,
          handler.scoped === true,
          options as MountRoutesOptions<unknown>,
        );
        res.locals.credentials = credentials;
        res.locals.scope = scope;
        next();
      }),
    ];
    if (handler.beforeBody) {
      const beforeBody = handler.beforeBody;
      chain.push(
        step((req, res, next) => {
          beforeBody(req, res);
          next();
        }),
      );
    }
    if (route.body) {
      const limit = options.bodyLimits?.[id] ?? route.bodyLimit?.size;
      const textTypes = [...(route.textBody?.contentTypes ?? [])];
      chain.push(
        requireBodyType({ accepted: ['application/json', ...textTypes] }),
        express.json(limit ? { limit } : {}),
      );
      if (textTypes.length) {
        chain.push(express.text({ type: textTypes, limit }));
      }
      if (route.bodyLimit && limit) {
        chain.push(
          nameOversizedBody({
            field: route.bodyLimit.field,
            limit,
            configKey: route.bodyLimit.configKey,
            hint: route.bodyLimit.hint,
          }) as unknown as express.Handler,
        );
      }
    }
    chain.push(
      step(async (req, res) => {
        const credentials = authorizedCredentials(res);
        const query = parseInput(route.query ?? noQuerySchema, req.query);
        const path = route.params ? parseInput(route.params, req.params) : {};
        const raw = route.bodyOptional ? req.body ?? {} : req.body;
        let body: unknown;
        if (handler.parseBody) body = await handler.parseBody(raw, req);
        else if (route.body) body = parseInput(route.body as z.ZodType, raw);
        const ctx: RouteContext<RouteDefinition> = {
          path,
          query,
          body: body as undefined,
          credentials,
          scope: res.locals.scope,
          actor: actorOf(credentials),
          authorize: permission => authorize(req, permission),
          req,
          res,
        };
        const result = await handler.handle(ctx);
        if (isFileResponse(route.response)) return;
        if (isReply(result)) {
          res.status(result.status).json(result.body);
        } else {
          res.status(route.status).json(result);
        }
      }),
    );
    if (route.errors?.includes(429)) {
      chain.push(sayWhenToRetry as unknown as express.Handler);
    }
    const method = route.method.toLowerCase() as
      | 'get'
      | 'post'
      | 'put'
      | 'patch'
      | 'delete';
    router[method](expressPath(route.path), ...chain);
  }
}

/**
 * A router of one route table: every route mounted by {@link mountRoutes},
 * authorizing with the plugin's auth and permission services.
 *
 * @public
 */
export function routerOf<T extends Record<string, RouteDefinition>>(
  routes: T,
  handlers: RouteHandlers<T>,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    bodyLimits?: MountRoutesOptions<T>['bodyLimits'];
    scopeBy?: ResourcePermission;
  },
): express.Router {
  const router = Router();
  mountRoutes(router, routes, handlers, {
    authorize: createAuthorize(options),
    authorizeScope: createAuthorizeScope(options),
    bodyLimits: options.bodyLimits,
    scopeBy: options.scopeBy,
  });
  return router;
}
