import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  GovernanceFindingRow,
  GovernanceProvider,
  GovernanceRateLimitSlots,
  GovernanceSource,
  GovernanceSyncReport,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import { BackgroundWork } from '../BackgroundWork';
import { GovernanceFindingStore } from './GovernanceFindingStore';
import { GovernanceStores } from './governanceStores';
import {
  BufferedWriter,
  DEFAULT_WRITE_BUDGET,
  FLUSH_ROWS,
  MAX_BUFFERED_ROWS,
  WriteBudget,
} from './WriteBudget';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 25 },
  initialDelay: { seconds: 30 },
};

/**
 * Pages of a target handed to its writer and not yet stored (queued or being
 * written) while the provider reads on: a write slower than the provider's
 * rate-limit slot does not hold back its next request, only a full queue
 * does (backpressure; memory bounded by pages × page size per target).
 */
export const DEFAULT_WRITE_QUEUE_PAGES = 4;

/**
 * Told when a provider's run starts, makes progress and finishes: the
 * plugin publishes these as live sync progress and notifies stale sources.
 * A failing observer is logged and never fails the sync.
 *
 * @public
 */
export interface GovernanceSyncObserver {
  syncStarted(source: GovernanceSource): void;
  syncProgressed(source: GovernanceSource): void;
  syncFinished(source: GovernanceSource): Promise<void>;
}

function wholeNumberAtLeastOne(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1))
    throw new Error(`${name} must be a whole number >= 1, got ${value}`);
  return value;
}

function targetId(target: GovernanceTarget): string {
  return [target.partition, target.accountId, target.region].join('|');
}

/**
 * Write-behind of one target's findings: rows handed to the sink are
 * buffered until the provider stores its cursor, then queued as one page:
 * its rows, cursor and progress counters are written in one transaction,
 * one page after the other in the provider's order, while the provider
 * reads the next pages. At most `queuePages` pages of the target, and the
 * run's {@link WriteBudget} across targets, wait or are being written; the
 * provider's next cursor (or large write) waits for room. Buffered rows may
 * be written early, without a cursor, when the run buffers too many (upserts
 * are idempotent and a cursor is only stored after the rows before it).
 * After a failed write nothing later is written (a later cursor would skip
 * the failed rows) and the provider's next write or cursor call throws.
 */
class FindingsWriter implements BufferedWriter {
  readonly source: GovernanceSource;
  readonly target: GovernanceTarget;
  readonly #store: GovernanceFindingStore;
  readonly #queuePages: number;
  readonly #budget: WriteBudget;
  #buffer: GovernanceFindingRow[] = [];
  #pages = 0;
  #rows = 0;
  /** The last queued write; the next one starts after it. */
  #tail: Promise<void> = Promise.resolve();
  /** Writes queued or running, oldest first. */
  readonly #queued: Promise<void>[] = [];
  #error: unknown;

  constructor(
    store: GovernanceFindingStore,
    source: GovernanceSource,
    target: GovernanceTarget,
    queuePages: number,
    budget: WriteBudget,
  ) {
    this.#store = store;
    this.source = source;
    this.target = target;
    this.#queuePages = queuePages;
    this.#budget = budget;
  }

  /** Whether findings were handed over (their progress is written with them). */
  get hasFindings(): boolean {
    return this.#pages > 0;
  }

  async add(rows: GovernanceFindingRow[]): Promise<void> {
    this.#throwIfFailed();
    this.#buffer.push(...rows);
    this.#budget.buffered(this, rows.length);
    this.#pages += 1;
    this.#rows += rows.length;
    if (this.#buffer.length >= FLUSH_ROWS) await this.#enqueue(undefined);
    await this.#budget.flushOverflow();
  }

  async commit(cursor: string): Promise<void> {
    this.#throwIfFailed();
    await this.#enqueue(cursor);
  }

  /** Queues the buffered rows without a cursor (dropped after a failure). */
  async flush(): Promise<void> {
    if (this.#buffer.length && this.#error === undefined) {
      await this.#budget.acquire();
      // Another flush may have queued the rows while this one waited.
      if (this.#buffer.length && this.#error === undefined) {
        this.#queue(undefined);
        return;
      }
      this.#budget.release();
    }
    this.#budget.unbuffered(this, this.#buffer.length);
    this.#buffer = [];
  }

  /** Writes what is left and waits; resolves with the first write error. */
  async close(): Promise<unknown> {
    await this.flush();
    await this.#tail;
    return this.#error;
  }

  /** Queues the buffered rows, then waits until the queue has room. */
  async #enqueue(cursor: string | undefined): Promise<void> {
    await this.#budget.acquire();
    this.#queue(cursor);
    while (this.#queued.length > this.#queuePages) {
      await this.#queued[0];
    }
    this.#throwIfFailed();
  }

  /** Queues one write; its budget slot is taken and freed when it ends. */
  #queue(cursor: string | undefined) {
    const rows = this.#buffer;
    this.#buffer = [];
    this.#budget.unbuffered(this, rows.length);
    const progress = this.#pages
      ? { pages: this.#pages, rows: this.#rows }
      : undefined;
    const job = this.#tail.then(async () => {
      try {
        if (this.#error === undefined)
          await this.#store.upsertFindings(this.source, rows, {
            target: this.target,
            cursor,
            progress,
          });
      } catch (error) {
        this.#error = error;
      } finally {
        this.#queued.shift();
        this.#budget.release();
      }
    });
    this.#queued.push(job);
    this.#tail = job;
  }

  #throwIfFailed() {
    if (this.#error !== undefined) throw this.#error;
  }
}

/**
 * Runs every governance provider as its own scheduled task (one run across
 * replicas), writing rows and per-target outcomes to the store. A failing
 * target keeps its last good data and is marked stale with the reason.
 *
 * @public
 */
export class GovernanceSyncService {
  readonly #stores: GovernanceStores;
  readonly #providers: GovernanceProvider[];
  readonly #scheduler?: SchedulerService;
  readonly #logger: LoggerService;
  readonly #schedule: SchedulerServiceTaskScheduleDefinition;
  readonly #now: () => Date;
  readonly #writeQueuePages: number;
  readonly #writeBudget: number;
  readonly #background: BackgroundWork;
  readonly #observer?: GovernanceSyncObserver;
  readonly #rateLimitSlots?: GovernanceRateLimitSlots;

  private constructor(options: {
    stores: GovernanceStores;
    providers: GovernanceProvider[];
    scheduler?: SchedulerService;
    logger: LoggerService;
    schedule: SchedulerServiceTaskScheduleDefinition;
    now: () => Date;
    writeQueuePages: number;
    writeBudget: number;
    background: BackgroundWork;
    observer?: GovernanceSyncObserver;
    rateLimitSlots?: GovernanceRateLimitSlots;
  }) {
    this.#stores = options.stores;
    this.#providers = options.providers;
    this.#scheduler = options.scheduler;
    this.#logger = options.logger;
    this.#schedule = options.schedule;
    this.#now = options.now;
    this.#writeQueuePages = options.writeQueuePages;
    this.#writeBudget = options.writeBudget;
    this.#background = options.background;
    this.#observer = options.observer;
    this.#rateLimitSlots = options.rateLimitSlots;
  }

  /**
   * Reads the schedule from `regionExpansion.governance.schedule` (default
   * every 30 minutes). `writeQueuePages` bounds the findings pages of a
   * target queued for writing while its provider reads on (default
   * {@link DEFAULT_WRITE_QUEUE_PAGES}); `writeBudget` bounds the findings
   * writes queued or running across all targets of a run (default 8, below
   * the default database pool of 10). Scheduled runs go through
   * `background` (the plugin's, which its shutdown hook stops and waits for).
   */
  static create(options: {
    /** Where the syncs write: findings, snapshots, sync state and history. */
    stores: GovernanceStores;
    providers: GovernanceProvider[];
    logger: LoggerService;
    scheduler?: SchedulerService;
    config?: Config;
    now?: () => Date;
    writeQueuePages?: number;
    writeBudget?: number;
    background?: BackgroundWork;
    /** Told of each run's start, progress and end. */
    observer?: GovernanceSyncObserver;
    /**
     * Where providers' AWS calls reserve rate-limit slots: the plugin's
     * database, so replicas together stay within each limit; absent, each
     * process paces on its own.
     */
    rateLimitSlots?: GovernanceRateLimitSlots;
  }): GovernanceSyncService {
    const scheduleConfig = options.config?.getOptionalConfig(
      'regionExpansion.governance.schedule',
    );
    const writeQueuePages = wholeNumberAtLeastOne(
      'writeQueuePages',
      options.writeQueuePages ?? DEFAULT_WRITE_QUEUE_PAGES,
    );
    const writeBudget = wholeNumberAtLeastOne(
      'writeBudget',
      options.writeBudget ?? DEFAULT_WRITE_BUDGET,
    );
    return new GovernanceSyncService({
      ...options,
      schedule: scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : DEFAULT_SCHEDULE,
      now: options.now ?? (() => new Date()),
      writeQueuePages,
      writeBudget,
      background: options.background ?? new BackgroundWork(),
    });
  }

  /** Provider ids, in registration order. */
  get providerIds(): string[] {
    return this.#providers.map(p => p.id);
  }

  static taskId(providerId: string): string {
    return `region-expansion-governance:${providerId}`;
  }

  /**
   * Schedules one task per provider. A run aborts when the scheduler's
   * signal does or the background work stops (shutdown), and the stop waits
   * for its pages and outcomes to be stored.
   */
  async start(): Promise<void> {
    if (!this.#scheduler)
      throw new Error('GovernanceSyncService.start needs a scheduler');
    for (const provider of this.#providers) {
      await this.#scheduler.scheduleTask({
        id: GovernanceSyncService.taskId(provider.id),
        ...this.#schedule,
        scope: 'global',
        fn: signal =>
          this.#background.run(signal as AbortSignal, stop =>
            this.runProvider(provider.id, stop),
          ),
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
    const { findings, snapshots, syncState, history } = this.#stores;
    const targets = provider.targets();
    const startedAt = this.#now();
    await syncState.markRunning(
      provider.source,
      targets,
      startedAt.toISOString(),
    );
    this.#observer?.syncStarted(provider.source);
    const writers = new Map<string, FindingsWriter>();
    const budget = new WriteBudget(this.#writeBudget, MAX_BUFFERED_ROWS);
    const writerOf = (source: GovernanceSource, target: GovernanceTarget) => {
      const key = `${source}|${targetId(target)}`;
      let writer = writers.get(key);
      if (!writer) {
        writer = new FindingsWriter(
          findings,
          source,
          target,
          this.#writeQueuePages,
          budget,
        );
        writers.set(key, writer);
      }
      return writer;
    };
    const closeWriters = async () => {
      const failures = new Map<string, string>();
      for (const writer of writers.values()) {
        const error = await writer.close();
        if (error && writer.source === provider.source)
          failures.set(
            targetId(writer.target),
            `storing findings failed: ${error}`,
          );
      }
      return failures;
    };
    const report = await provider
      .sync({
        targets,
        signal,
        rateLimitSlots: this.#rateLimitSlots,
        now: () => startedAt,
        logger: this.#logger,
        cursors: {
          get: (source, target) => syncState.getCursor(source, target),
          set: (source, target, cursor) =>
            writerOf(source, target).commit(cursor),
        },
        sink: {
          write: async (source, target, rows) => {
            if (rows.findings)
              await writerOf(source, target).add(rows.findings);
            if (rows.resilienceApps)
              await snapshots.replaceResilienceApps(
                target,
                rows.resilienceApps,
              );
            if (rows.auditControls)
              await snapshots.replaceAuditControls(target, rows.auditControls);
            if (rows.conformanceScores)
              await snapshots.replaceConformanceScores(
                target,
                rows.conformanceScores,
              );
          },
        },
        onProgress: (target, progress) => {
          this.#observer?.syncProgressed(provider.source);
          // Findings targets record progress with their rows and cursor.
          if (
            writers.get(`${provider.source}|${targetId(target)}`)?.hasFindings
          )
            return;
          syncState
            .recordProgress(provider.source, target, progress)
            .catch(error =>
              this.#logger.warn(`progress not recorded: ${error}`),
            );
        },
      })
      .catch(async error => {
        await closeWriters();
        throw error;
      });
    // Rows still buffered or being written: a target whose writes failed is
    // stale even if its reads succeeded.
    const writeFailures = await closeWriters();
    const outcomes = report.outcomes.map(outcome => {
      const reason = writeFailures.get(targetId(outcome.target));
      return reason && outcome.status !== 'failed'
        ? {
            ...outcome,
            status: 'failed' as const,
            reason,
            reasonKind: 'storage-error' as const,
          }
        : outcome;
    });
    const finishedAt = this.#now().toISOString();
    for (const outcome of outcomes) {
      // The reason may hold the AWS error text (role ARNs, account ids):
      // operators read it here; the store keeps only its class's sentence.
      if (outcome.status !== 'ok')
        this.#logger.warn(
          `Governance source ${provider.source} is ${
            outcome.status === 'failed' ? 'stale' : 'unavailable'
          } for ${outcome.target.partition}/${outcome.target.accountId}/${
            outcome.target.region
          } (${outcome.reasonKind ?? 'unclassified'}): ${
            outcome.reason ?? 'no reason given'
          }`,
        );
      await syncState.recordOutcome(provider.source, outcome, finishedAt);
    }
    await history.recordHistory(provider.source, finishedAt.slice(0, 10));
    await this.#observer
      ?.syncFinished(provider.source)
      .catch(error =>
        this.#logger.warn(`Governance sync observer failed: ${error}`),
      );
    const failed = outcomes.filter(o => o.status === 'failed').length;
    this.#logger.info(
      `Governance sync ${provider.id}: ${
        outcomes.length - failed
      } targets synced, ${failed} stale`,
    );
    return { ...report, outcomes };
  }
}
