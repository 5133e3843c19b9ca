import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { StoredReadinessEvaluation } from '@region-expansion/plugin-region-expansion-common';
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
  /** Given each run's evaluations (the notifier); must not throw. */
  afterCycle?: (evaluations: StoredReadinessEvaluation[]) => Promise<void>;
}): Promise<void> {
  const { scheduler, schedule, background, readiness, afterCycle } = options;
  await scheduler.scheduleTask({
    id: 'region-expansion-readiness',
    ...schedule,
    fn: signal =>
      background.run(signal, async stop => {
        const evaluations = await readiness.evaluateAll('scheduled', {
          signal: stop,
        });
        await afterCycle?.(evaluations);
      }),
  });
}
