import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * Readiness settings read from `regionExpansion.readiness`.
 *
 * @public
 */
export interface ReadinessConfig {
  /** Schedule of the re-evaluation task. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Longest waiver in days. */
  maxWaiverDays: number;
  /** Aggregate cell use at which the capacity check warns. */
  capacityWarnRatio: number;
}

/**
 * Default schedule: every 30 minutes, first run 10 seconds after start, at
 * most 10 minutes per run.
 *
 * @public
 */
export const DEFAULT_READINESS_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 10 },
  };

/**
 * Reads `regionExpansion.readiness`; invalid values stop the start with the
 * key named.
 *
 * @public
 */
export function readReadinessConfig(
  config: RootConfigService,
): ReadinessConfig {
  const prefix = 'regionExpansion.readiness';
  const scheduleConfig = config.getOptionalConfig(`${prefix}.schedule`);
  const maxWaiverDays =
    config.getOptionalNumber(`${prefix}.waivers.maxDays`) ?? 180;
  if (!Number.isInteger(maxWaiverDays) || maxWaiverDays < 1) {
    throw new Error(
      `Invalid config at ${prefix}.waivers.maxDays: '${maxWaiverDays}' must be a whole number of days, at least 1`,
    );
  }
  const capacityWarnRatio =
    config.getOptionalNumber(`${prefix}.capacityWarnRatio`) ?? 0.8;
  if (!(capacityWarnRatio > 0 && capacityWarnRatio <= 1)) {
    throw new Error(
      `Invalid config at ${prefix}.capacityWarnRatio: '${capacityWarnRatio}' must be above 0 and at most 1`,
    );
  }
  return {
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_READINESS_SCHEDULE,
    maxWaiverDays,
    capacityWarnRatio,
  };
}
