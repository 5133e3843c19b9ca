import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

const PREFIX = 'regionExpansion.pricing';

/**
 * Pricing settings read from `regionExpansion.pricing`.
 *
 * @public
 */
export interface PricingConfig {
  /** Snapshot file written by `yarn region-expansion prices refresh`. */
  snapshotFile?: string;
  /** How long a price read live is served from the cache. */
  cacheMaxAgeMs: number;
  live: {
    /** Read the Price List API for Regions the snapshot does not price. */
    enabled: boolean;
    /** Account whose credentials (`aws.accounts`) read the API; absent: `aws.mainAccount`. */
    account?: string;
    /** Endpoint override; prices from a non-AWS endpoint are synthetic. */
    endpoint?: string;
    /** Region of the Price List endpoint. */
    region: string;
    maxAttempts: number;
    requestTimeoutMs: number;
  };
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `Invalid config at ${PREFIX}.${key}: must be a positive number`,
    );
  }
  return value;
}

/**
 * Reads `regionExpansion.pricing`. Invalid values stop the start with the
 * key named.
 *
 * @public
 */
export function readPricingConfig(
  root: RootConfigService | Config,
): PricingConfig {
  const config = root.getOptionalConfig(PREFIX);
  const empty = {
    getOptionalString: () => undefined,
    getOptionalNumber: () => undefined,
    getOptionalBoolean: () => undefined,
  } as unknown as Config;
  const c = config ?? empty;
  const account = c.getOptionalString('live.account');
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw new Error(
      `Invalid config at ${PREFIX}.live.account: '${account}' must be a 12-digit account id`,
    );
  }
  const endpoint = c.getOptionalString('live.endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new Error(
      `Invalid config at ${PREFIX}.live.endpoint: must be an http(s) URL`,
    );
  }
  return {
    snapshotFile: c.getOptionalString('snapshotFile'),
    cacheMaxAgeMs: positive(c, 'cacheMaxAgeHours', 24) * 60 * 60 * 1000,
    live: {
      enabled: c.getOptionalBoolean('live.enabled') ?? false,
      account,
      endpoint,
      region: c.getOptionalString('live.region') ?? 'us-east-1',
      maxAttempts: positive(c, 'live.maxAttempts', 3),
      requestTimeoutMs: positive(c, 'live.requestTimeoutMs', 15_000),
    },
  };
}
