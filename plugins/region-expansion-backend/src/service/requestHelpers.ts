import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { describeZodError } from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import { z } from 'zod';

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

/** Who acts: the user's entity ref, else the principal's subject, else `unknown`. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}
