import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  PlacementStrategy,
  placementStrategySchema,
} from '@region-expansion/plugin-region-expansion-common';

// The strategies the engine knows, declared once with the request schema.
const PLACEMENT_STRATEGIES = placementStrategySchema.options;
export type { PlacementStrategy };

/**
 * Reads `regionExpansion.placement.defaultStrategy`; an unknown value stops
 * start-up with the key named rather than surfacing on the first request.
 */
export function readDefaultStrategy(
  config: RootConfigService,
): PlacementStrategy | undefined {
  const key = 'regionExpansion.placement.defaultStrategy';
  const value = config.getOptionalString(key);
  if (value === undefined) {
    return undefined;
  }
  if (!(PLACEMENT_STRATEGIES as readonly string[]).includes(value)) {
    throw new Error(
      `Invalid config at ${key}: '${value}' is not one of ${PLACEMENT_STRATEGIES.join(
        ', ',
      )}`,
    );
  }
  return value as PlacementStrategy;
}

/**
 * What a start leaves switched off for want of configuration, each as the
 * feature and the key (or package) that turns it on; empty when nothing is
 * missing. Production starts without the demo's settings, so the operator
 * reads here, in one place, what is still to do.
 */
export function notConfigured(
  config: RootConfigService,
  options: { governanceProviders: number },
): string[] {
  const missing: string[] = [];
  const targets =
    config.getOptionalConfigArray('regionExpansion.governance.targets') ?? [];
  if (targets.length === 0) {
    missing.push('governance accounts (regionExpansion.governance.targets)');
  }
  if (options.governanceProviders === 0) {
    missing.push(
      'governance sources (add a region-expansion-backend-module-* to the backend)',
    );
  }
  if (!config.getOptionalBoolean('regionExpansion.availability.live.enabled')) {
    missing.push(
      'availability refresh (regionExpansion.availability.live.enabled)',
    );
  }
  return missing;
}

/**
 * Says once, at start, what is still switched off for want of
 * configuration (see {@link notConfigured}), so an empty dashboard is not
 * mistaken for a fault; says nothing when everything is configured.
 */
export function logNotConfigured(
  logger: LoggerService,
  config: RootConfigService,
  options: { governanceProviders: number },
): void {
  const missing = notConfigured(config, options);
  if (missing.length > 0) {
    logger.info(
      `region-expansion: not configured: ${missing.join(
        ', ',
      )}; see docs/configuration.md`,
    );
  }
}

/** Body size limit of `POST /tenants/import` (`regionExpansion.import.maxBodySize`). */
export function readImportBodyLimit(
  config: RootConfigService,
): string | undefined {
  return config.getOptionalString('regionExpansion.import.maxBodySize');
}
