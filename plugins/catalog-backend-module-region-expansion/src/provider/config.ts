import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** Where the provider's settings live in the app config. */
export const PROVIDER_CONFIG_KEY = 'catalog.providers.regionExpansion';

/**
 * Schedule used when `catalog.providers.regionExpansion.schedule` is absent:
 * every 5 minutes, each run given at most 3 minutes.
 *
 * @public
 */
export const DEFAULT_REGION_EXPANSION_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 3 },
  };

/**
 * Owner of the emitted entities when `owner` is not configured.
 *
 * @public
 */
export const DEFAULT_REGION_EXPANSION_OWNER = 'group:default/platform-team';

/**
 * Settings of the region-expansion entity provider.
 *
 * @public
 */
export interface RegionExpansionProviderConfig {
  /** When and how long the provider runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Owner entity ref of every emitted entity (full ref, kind included). */
  owner: string;
  /**
   * Base URL of the region-expansion backend, when it does not run in this
   * backend (or is not reachable through discovery); for example
   * `https://backstage.example.com/api/region-expansion`.
   */
  baseUrl?: string;
}

/**
 * Reads `catalog.providers.regionExpansion`; every key is optional.
 *
 * @public
 */
export function readRegionExpansionProviderConfig(
  config: RootConfigService,
): RegionExpansionProviderConfig {
  const own = config.getOptionalConfig(PROVIDER_CONFIG_KEY);
  const schedule = own?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        own.getConfig('schedule'),
      )
    : DEFAULT_REGION_EXPANSION_SCHEDULE;
  const ownerValue =
    own?.getOptionalString('owner') ?? DEFAULT_REGION_EXPANSION_OWNER;
  let owner: string;
  try {
    owner = stringifyEntityRef(
      parseEntityRef(ownerValue, { defaultKind: 'group' }),
    );
  } catch (error) {
    throw new InputError(
      `${PROVIDER_CONFIG_KEY}.owner: '${ownerValue}' is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
  const baseUrl = own?.getOptionalString('baseUrl')?.replace(/\/+$/, '');
  return { schedule, owner, ...(baseUrl ? { baseUrl } : {}) };
}
