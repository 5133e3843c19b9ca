import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** Where the collators' settings live in the app config. */
const CONFIG_KEY = 'search.collators.regionExpansion';

/**
 * Schedule used when `search.collators.regionExpansion.schedule` is absent:
 * every 10 minutes, each run given at most 5 minutes, the first 10 seconds
 * after start so the region-expansion backend has evaluated readiness.
 *
 * @public
 */
export const DEFAULT_REGION_EXPANSION_SEARCH_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
  };

/**
 * Path the app mounts the region-expansion page on when `basePath` is
 * absent: the plugin's default.
 *
 * @public
 */
export const DEFAULT_REGION_EXPANSION_BASE_PATH = '/region-expansion';

/**
 * Settings of the region-expansion collators.
 *
 * @public
 */
export interface RegionExpansionSearchConfig {
  /** When each collator runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Path of the region-expansion page in the app; results link below it. */
  basePath: string;
}

/**
 * Reads `search.collators.regionExpansion`; every key is optional. A bad
 * value fails start-up with an error naming the key.
 *
 * @public
 */
export function readRegionExpansionSearchConfig(
  config: RootConfigService,
): RegionExpansionSearchConfig {
  const own = config.getOptionalConfig(CONFIG_KEY);
  let schedule = DEFAULT_REGION_EXPANSION_SEARCH_SCHEDULE;
  if (own?.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        own.getConfig('schedule'),
      );
    } catch (error) {
      throw new InputError(
        `${CONFIG_KEY}.schedule: ${(error as Error).message}`,
      );
    }
  }
  const basePath =
    own?.getOptionalString('basePath') ?? DEFAULT_REGION_EXPANSION_BASE_PATH;
  if (!basePath.startsWith('/')) {
    throw new InputError(
      `${CONFIG_KEY}.basePath: must be a path starting with /, got '${basePath}'`,
    );
  }
  // Results append `/regions/...`, so a trailing slash would double up.
  return { schedule, basePath: basePath.replace(/\/+$/, '') };
}
