import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  AvailabilityRefreshService,
  ssmClientFactory,
} from './AvailabilityRefreshService';
import { AvailabilityStore } from './AvailabilityStore';
import {
  availabilityAwsContext,
  AvailabilityLiveConfig,
  readAvailabilityConfig,
} from './config';

/**
 * The live availability refresh as `regionExpansion.availability.live`
 * configures it: switched off, or reading SSM with each partition's own
 * account. Returns the settings too, for scheduling.
 */
export function availabilityFromConfig(options: {
  config: RootConfigService;
  store: AvailabilityStore;
  logger: LoggerService;
}): { service: AvailabilityRefreshService; settings: AvailabilityLiveConfig } {
  const { config, store, logger } = options;
  const settings = readAvailabilityConfig(config);
  const service = AvailabilityRefreshService.create({
    store,
    logger,
    enabled: settings.enabled,
    partitions: settings.partitions,
    clientFor: settings.enabled
      ? ssmClientFactory(availabilityAwsContext(config, settings))
      : undefined,
  });
  return { service, settings };
}
