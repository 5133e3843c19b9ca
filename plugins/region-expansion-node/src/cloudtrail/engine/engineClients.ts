import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';

/**
 * Where an engine client sends its requests. Credentials come from the
 * SDK's default chain unless given.
 *
 * @public
 */
export interface EngineClientOptions {
  /** AWS Region the client calls, e.g. the event data store's Region. */
  region: string;
  /** Another endpoint than AWS's, e.g. the local simulator. */
  endpoint?: string;
  /** Static access keys; absent: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per call, throttled ones included; default 3. */
  maxAttempts?: number;
}

function clientConfig(options: EngineClientOptions) {
  return {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

/**
 * A CloudTrail client for {@link cloudTrailLakeFootprint}.
 *
 * @public
 */
export function createCloudTrailLakeClient(
  options: EngineClientOptions,
): CloudTrailClient {
  return new CloudTrailClient(clientConfig(options));
}

/**
 * An Athena client for {@link athenaFootprint}.
 *
 * @public
 */
export function createAthenaClient(options: EngineClientOptions): AthenaClient {
  return new AthenaClient(clientConfig(options));
}
