import { RootConfigService } from '@backstage/backend-plugin-api';

const PLACEMENT_STRATEGIES = ['pack', 'spread'] as const;

/** A placement strategy the engine knows. */
export type PlacementStrategy = (typeof PLACEMENT_STRATEGIES)[number];

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
