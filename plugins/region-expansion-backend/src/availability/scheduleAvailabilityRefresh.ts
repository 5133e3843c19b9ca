import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { BackgroundWork } from '../BackgroundWork';
import { AvailabilityRefreshService } from './AvailabilityRefreshService';

/**
 * Schedules the `region-expansion-availability` task: one refresh across
 * replicas per run; a run while a manual refresh holds the lease is
 * skipped (logged), not failed.
 */
export async function scheduleAvailabilityRefresh(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  background: BackgroundWork;
  availability: AvailabilityRefreshService;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, schedule, background, availability, logger } = options;
  await scheduler.scheduleTask({
    id: 'region-expansion-availability',
    ...schedule,
    fn: signal =>
      background.run(signal, async stop => {
        try {
          await availability.refresh({
            trigger: 'scheduled',
            requestedBy: 'scheduler',
            signal: stop,
          });
        } catch (error) {
          if ((error as Error).name !== 'ConflictError') throw error;
          logger.info(`Availability refresh skipped: ${error}`);
        }
      }),
  });
}
