import { EngineQueryError, engineInputError } from './EngineQueryError';

const THROTTLED = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'MaxConcurrentQueriesException',
]);
const DENIED = new Set(['AccessDeniedException', 'AccessDenied']);

/**
 * The project's error for an AWS error of an engine call. Known causes
 * name the option they are about; the AWS message itself is not passed
 * on (it may name roles and accounts), only the error's name.
 * `inputs` maps error names to the field and reason they mean.
 */
export function engineAwsError(
  engine: string,
  operation: string,
  error: unknown,
  inputs: Record<string, [field: string, reason: string]> = {},
): EngineQueryError {
  const name =
    error && typeof error === 'object' && 'name' in error
      ? String((error as { name: unknown }).name)
      : 'Error';
  if (inputs[name]) return engineInputError(...inputs[name]);
  if (THROTTLED.has(name)) {
    return new EngineQueryError({
      field: 'query',
      reason: `${engine} ${operation} still throttled (${name}) after the SDK's retries; try again later`,
      problem: 'throttled',
    });
  }
  if (DENIED.has(name)) {
    return new EngineQueryError({
      field: 'credentials',
      reason: `may not call ${engine} ${operation} (${name})`,
      problem: 'denied',
    });
  }
  return new EngineQueryError({
    field: 'query',
    reason: `${engine} ${operation} failed (${name})`,
    problem: 'failed',
  });
}

/** Runs one engine call, turning its AWS error into the project's. */
export async function engineCall<T>(
  engine: string,
  operation: string,
  call: () => Promise<T>,
  inputs?: Record<string, [field: string, reason: string]>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof EngineQueryError) throw error;
    throw engineAwsError(engine, operation, error, inputs);
  }
}
