import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { describeZodError } from '@region-expansion/plugin-region-expansion-common';
import {
  RegionExpansionScope,
  scopeFromConditions,
} from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import { z } from 'zod';

/**
 * The query of a route that takes none: any key is unknown, a 400 naming it.
 * Every route parses its query with a strict schema, this one when it
 * documents no query parameter, so an unknown key is never ignored.
 */
export const noQuerySchema = z.strictObject({});

/**
 * Validates `value` with a schema from the common package; a failure becomes
 * an `InputError` listing every field and reason, each prefixed with
 * `prefix` when given (for example `rows[17].`).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = describeZodError(result.error)
      .split('; ')
      .map(part => `${prefix}${part}`)
      .join('; ');
    throw new InputError(message);
  }
  return result.data;
}

/**
 * Authenticates the caller of a request and checks one permission.
 */
export type Authorize = (
  req: express.Request,
  permission: BasicPermission,
) => Promise<BackstageCredentials>;

/**
 * An {@link Authorize} over the plugin's auth and permission services: the
 * caller's credentials, or a `NotAllowedError` naming the missing permission.
 */
export function createAuthorize(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Authorize {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Permission '${permission.name}' is required`);
    }
    return credentials;
  };
}

/**
 * Decides a resource permission for the whole of a list: the caller's
 * credentials and, for a conditional decision, the scope its conditions
 * allow (absent when everything is allowed); a `NotAllowedError` when
 * denied, an `InputError` naming the field when a condition's params are
 * bad.
 */
export type AuthorizeScope = (
  req: express.Request,
  permission: ResourcePermission,
) => Promise<{
  credentials: BackstageCredentials;
  scope?: RegionExpansionScope;
}>;

/** An {@link AuthorizeScope} over the plugin's auth and permission services. */
export function createAuthorizeScope(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): AuthorizeScope {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`Permission '${permission.name}' is required`);
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return { credentials, scope: scopeFromConditions(decision.conditions) };
    }
    return { credentials };
  };
}

/**
 * Middleware deciding `permission` before anything reads the body, so a
 * caller without it cannot make the server buffer (or wait for) a large
 * upload; put it in front of the route's body parser. The credentials are
 * left for the handler, see {@link authorizedCredentials}.
 */
export function authorizeBeforeBody(
  authorize: Authorize,
  permission: BasicPermission,
): express.RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.credentials = await authorize(req, permission);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The credentials {@link authorizeBeforeBody} stored for this request. */
export function authorizedCredentials(
  res: express.Response,
): BackstageCredentials {
  const credentials = res.locals.credentials as
    | BackstageCredentials
    | undefined;
  if (!credentials) {
    // A wiring mistake, not bad input: the route lacks authorizeBeforeBody.
    throw new Error('The route did not authorize before reading the body');
  }
  return credentials;
}

/**
 * Error middleware after a body parser: body-parser's own message for an
 * oversized body ("request entity too large") names neither the field nor
 * the limit, so a 413 says both, the config key that sets the limit (when
 * there is one) and `hint`, what to do instead.
 */
export function nameOversizedBody(options: {
  field: string;
  limit: string;
  configKey?: string;
  hint: string;
}): express.ErrorRequestHandler {
  const { field, limit, configKey, hint } = options;
  const setting = configKey ? ` (${configKey})` : '';
  return (error, _req, _res, next) => {
    next(
      error?.type === 'entity.too.large'
        ? Object.assign(
            new Error(
              `${field}: the request is over the ${limit} body limit${setting}; ${hint}`,
            ),
            { name: 'PayloadTooLargeError', statusCode: 413 },
          )
        : error,
    );
  };
}

/** Who acts: the user's entity ref, else the principal's subject, else `unknown`. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}
