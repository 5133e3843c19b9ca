import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  GovernanceProvider,
  GovernanceSyncReport,
} from '@region-expansion/plugin-region-expansion-node';
import { GovernanceStore } from './GovernanceStore';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 25 },
  initialDelay: { seconds: 30 },
};

/**
 * Runs every governance provider as its own scheduled task (one run across
 * replicas), writing rows and per-target outcomes to the store. A failing
 * target keeps its last good data and is marked stale with the reason.
 *
 * @public
 */
export class GovernanceSyncService {
  readonly #store: GovernanceStore;
  readonly #providers: GovernanceProvider[];
  readonly #scheduler?: SchedulerService;
  readonly #logger: LoggerService;
  readonly #schedule: SchedulerServiceTaskScheduleDefinition;
  readonly #now: () => Date;

  private constructor(options: {
    store: GovernanceStore;
    providers: GovernanceProvider[];
    scheduler?: SchedulerService;
    logger: LoggerService;
    schedule: SchedulerServiceTaskScheduleDefinition;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#providers = options.providers;
    this.#scheduler = options.scheduler;
    this.#logger = options.logger;
    this.#schedule = options.schedule;
    this.#now = options.now;
  }

  /** Reads the schedule from `regionExpansion.governance.schedule` (default every 30 minutes). */
  static create(options: {
    store: GovernanceStore;
    providers: GovernanceProvider[];
    logger: LoggerService;
    scheduler?: SchedulerService;
    config?: Config;
    now?: () => Date;
  }): GovernanceSyncService {
    const scheduleConfig = options.config?.getOptionalConfig(
      'regionExpansion.governance.schedule',
    );
    return new GovernanceSyncService({
      ...options,
      schedule: scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : DEFAULT_SCHEDULE,
      now: options.now ?? (() => new Date()),
    });
  }

  /** Provider ids, in registration order. */
  get providerIds(): string[] {
    return this.#providers.map(p => p.id);
  }

  static taskId(providerId: string): string {
    return `region-expansion-governance:${providerId}`;
  }

  /** Schedules one task per provider. */
  async start(): Promise<void> {
    if (!this.#scheduler)
      throw new Error('GovernanceSyncService.start needs a scheduler');
    for (const provider of this.#providers) {
      await this.#scheduler.scheduleTask({
        id: GovernanceSyncService.taskId(provider.id),
        ...this.#schedule,
        scope: 'global',
        fn: async signal => {
          await this.runProvider(provider.id, signal as AbortSignal);
        },
      });
    }
  }

  /** Asks the scheduler to run the tasks now (all, or one provider). */
  async trigger(providerId?: string): Promise<string[]> {
    if (!this.#scheduler)
      throw new Error('GovernanceSyncService.trigger needs a scheduler');
    const ids = providerId ? [providerId] : this.providerIds;
    for (const id of ids) {
      if (!this.providerIds.includes(id))
        throw new Error(`Unknown governance provider ${id}`);
      await this.#scheduler.triggerTask(GovernanceSyncService.taskId(id));
    }
    return ids;
  }

  /** Runs one provider now, in this process. */
  async runProvider(
    providerId: string,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<GovernanceSyncReport> {
    const provider = this.#providers.find(p => p.id === providerId);
    if (!provider) throw new Error(`Unknown governance provider ${providerId}`);
    const store = this.#store;
    const targets = provider.targets();
    const startedAt = this.#now();
    await store.markRunning(provider.source, targets, startedAt.toISOString());
    const report = await provider.sync({
      targets,
      signal,
      now: () => startedAt,
      logger: this.#logger,
      cursors: {
        get: (source, target) => store.getCursor(source, target),
        set: (source, target, cursor) =>
          store.setCursor(source, target, cursor),
      },
      sink: {
        write: async (source, target, rows) => {
          if (rows.findings?.length)
            await store.upsertFindings(source, rows.findings);
          if (rows.resilienceApps)
            await store.replaceResilienceApps(target, rows.resilienceApps);
          if (rows.auditControls)
            await store.replaceAuditControls(target, rows.auditControls);
          if (rows.conformanceScores)
            await store.replaceConformanceScores(
              target,
              rows.conformanceScores,
            );
        },
      },
      onProgress: (target, progress) => {
        store
          .recordProgress(provider.source, target, progress)
          .catch(error => this.#logger.warn(`progress not recorded: ${error}`));
      },
    });
    const finishedAt = this.#now().toISOString();
    for (const outcome of report.outcomes) {
      await store.recordOutcome(provider.source, outcome, finishedAt);
    }
    await store.recordHistory(provider.source, finishedAt.slice(0, 10));
    const failed = report.outcomes.filter(o => o.status === 'failed').length;
    this.#logger.info(
      `Governance sync ${provider.id}: ${
        report.outcomes.length - failed
      } targets synced, ${failed} stale`,
    );
    return report;
  }
}
