import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { describeZodError } from '@region-expansion/plugin-region-expansion-common';
import type { z as zV4 } from 'zod';

/**
 * Options of the runbook actions: where the region-expansion backend is and
 * how to call it on behalf of the task's initiator.
 *
 * @public
 */
export interface RunbookActionOptions {
  /** Locates the region-expansion backend. */
  discovery: DiscoveryService;
  /** Issues the token for the backend, on behalf of the task's initiator. */
  auth: AuthService;
}

/**
 * Validates an action input with a shared `-common` schema (zod v4), so
 * the handler checks exactly what the backend checks; a refusal is an
 * `InputError` naming the input field (`request.tenantIds.2: ...`).
 */
export function parseActionInput<S extends zV4.ZodType>(
  schema: S,
  value: unknown,
  field: string,
): zV4.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(
    describeZodError(result.error)
      .split('; ')
      .map(part =>
        part.startsWith('(root)')
          ? `${field}${part.slice('(root)'.length)}`
          : `${field}.${part}`,
      )
      .join('; '),
  );
}
