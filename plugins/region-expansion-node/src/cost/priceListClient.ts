import { PricingClient, PricingClientConfig } from '@aws-sdk/client-pricing';

/**
 * Where the Price List API is read.
 *
 * @public
 */
export interface PriceListClientOptions {
  /**
   * Endpoint URL; absent for AWS's own. Anything else (the simulator) makes
   * the prices synthetic, see {@link isSyntheticPriceEndpoint}.
   */
  endpoint?: string;
  /** Region of the Price List endpoint; default `us-east-1`. */
  region?: string;
  /**
   * Static credentials or a provider (e.g. an account's from
   * `@backstage/integration-aws-node`); absent for the SDK's default chain.
   */
  credentials?: PricingClientConfig['credentials'];
  /** Attempts per request (the SDK retries throttling); default 3. */
  maxAttempts?: number;
  /** Longest wait for one request, in milliseconds; default the SDK's. */
  requestTimeoutMs?: number;
}

/**
 * A real SDK Price List client, so callers (CLI, backend) need no SDK of
 * their own.
 *
 * @public
 */
export function createPriceListClient(
  options: PriceListClientOptions = {},
): PricingClient {
  return new PricingClient({
    region: options.region ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.requestTimeoutMs
      ? {
          requestHandler: {
            requestTimeout: options.requestTimeoutMs,
            connectionTimeout: options.requestTimeoutMs,
          },
        }
      : {}),
  });
}
