import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { locationReadPermission } from '@region-expansion/plugin-region-expansion-common';
import {
  RegionExpansionScope,
  scopeFromConditions,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * Decides an action's permission for its caller as `mountRoutes` decides
 * the matching REST route's: the basic permission itself, then, for a read,
 * `region-expansion.location.read` with its conditions (everything these
 * actions answer belongs to a location). A partial grant reaches only an
 * action declared `scoped`, which filters by the returned scope; any other
 * action refuses it, so nothing unfiltered leaks to a caller allowed only
 * part of the estate.
 */
export async function authorizeAction(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: BasicPermission;
  action: string;
  scoped: boolean;
}): Promise<RegionExpansionScope | undefined> {
  const { permissions, credentials, permission } = options;
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Permission '${permission.name}' is required`);
  }
  if (permission.attributes.action !== 'read') return undefined;
  const [scoping] = await permissions.authorizeConditional(
    [{ permission: locationReadPermission }],
    { credentials },
  );
  if (scoping.result === AuthorizeResult.DENY) {
    throw new NotAllowedError(
      `Permission '${locationReadPermission.name}' is required`,
    );
  }
  if (scoping.result !== AuthorizeResult.CONDITIONAL) return undefined;
  if (!options.scoped) {
    throw new NotAllowedError(
      `Permission '${locationReadPermission.name}' is granted for part of the estate only, and the action ${options.action} cannot be filtered by it`,
    );
  }
  return scopeFromConditions(scoping.conditions);
}
