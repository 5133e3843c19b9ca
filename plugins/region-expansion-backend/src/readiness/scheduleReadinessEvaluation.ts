import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { BackgroundWork } from '../BackgroundWork';
import { ReadinessService } from './ReadinessService';

/**
 * Schedules the `region-expansion-readiness` task: every location
 * re-evaluated, once across replicas per run, stopped with the plugin.
 */
export async function scheduleReadinessEvaluation(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  background: BackgroundWork;
  readiness: Pick<ReadinessService, 'evaluateAll'>;
}): Promise<void> {
  const { scheduler, schedule, background, readiness } = options;
  await scheduler.scheduleTask({
    id: 'region-expansion-readiness',
    ...schedule,
    fn: signal =>
      background.run(signal, stop =>
        readiness.evaluateAll('scheduled', { signal: stop }),
      ),
  });
}
