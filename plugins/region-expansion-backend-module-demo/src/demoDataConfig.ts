import { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * The demo estate's settings, read from `regionExpansion.demoData`.
 *
 * @public
 */
export interface DemoDataConfig {
  /** Whether the estate is seeded at all. */
  enabled: boolean;
  /** Tenants placed into the synthetic estate. */
  tenants: number;
}

/**
 * Tenants seeded when `regionExpansion.demoData.tenants` is not set.
 *
 * @public
 */
export const DEFAULT_DEMO_TENANTS = 2000;

/**
 * Reads `regionExpansion.demoData`: `enabled` (default false) and
 * `tenants` (default {@link DEFAULT_DEMO_TENANTS}); an invalid value stops
 * the start with the key named.
 *
 * @public
 */
export function readDemoDataConfig(config: RootConfigService): DemoDataConfig {
  const prefix = 'regionExpansion.demoData';
  const tenants =
    config.getOptionalNumber(`${prefix}.tenants`) ?? DEFAULT_DEMO_TENANTS;
  if (!Number.isInteger(tenants) || tenants < 0) {
    throw new Error(
      `Invalid config at ${prefix}.tenants: '${tenants}' must be a whole number, at least 0`,
    );
  }
  return {
    enabled: config.getOptionalBoolean(`${prefix}.enabled`) ?? false,
    tenants,
  };
}
