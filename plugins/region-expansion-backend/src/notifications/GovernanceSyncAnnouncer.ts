import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  GOVERNANCE_SYNC_SIGNAL_CHANNEL,
  GovernanceFreshness,
  GovernanceSyncSignal,
} from '@region-expansion/plugin-region-expansion-common';
import type { GovernanceSource } from '@region-expansion/plugin-region-expansion-node';
import type { GovernanceSyncObserver } from '../governance/GovernanceSyncService';

/** Progress signals per source at most this often: a page is often faster. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 1000;

/**
 * The governance sync's observer in the plugin: publishes each run's start,
 * progress (at most one signal per source and interval) and end on the
 * {@link GOVERNANCE_SYNC_SIGNAL_CHANNEL} channel, and after each run hands
 * the sync states to the notifier (stale sources).
 *
 * @public
 */
export class GovernanceSyncAnnouncer implements GovernanceSyncObserver {
  readonly #signals?: SignalsService;
  readonly #afterSync: (freshness: GovernanceFreshness[]) => Promise<void>;
  readonly #freshness: () => Promise<GovernanceFreshness[]>;
  readonly #logger: LoggerService;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #lastProgress = new Map<string, number>();

  /** Creates the announcer; without `signals` it only notifies. */
  static create(options: {
    signals?: SignalsService;
    /** Reads every source's sync state after a run. */
    freshness: () => Promise<GovernanceFreshness[]>;
    afterSync: (freshness: GovernanceFreshness[]) => Promise<void>;
    logger: LoggerService;
    progressIntervalMs?: number;
    now?: () => number;
  }): GovernanceSyncAnnouncer {
    return new GovernanceSyncAnnouncer(options);
  }

  private constructor(
    options: Parameters<typeof GovernanceSyncAnnouncer.create>[0],
  ) {
    this.#signals = options.signals;
    this.#freshness = options.freshness;
    this.#afterSync = options.afterSync;
    this.#logger = options.logger;
    this.#intervalMs =
      options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
  }

  syncStarted(source: GovernanceSource): void {
    this.#lastProgress.set(source, this.#now());
    this.#publish({ source, phase: 'started' });
  }

  syncProgressed(source: GovernanceSource): void {
    const now = this.#now();
    if (now - (this.#lastProgress.get(source) ?? 0) < this.#intervalMs) return;
    this.#lastProgress.set(source, now);
    this.#publish({ source, phase: 'progress' });
  }

  async syncFinished(source: GovernanceSource): Promise<void> {
    this.#lastProgress.delete(source);
    this.#publish({ source, phase: 'finished' });
    await this.#afterSync(await this.#freshness());
  }

  #publish(message: GovernanceSyncSignal): void {
    // Progress is best effort: a lost signal only delays the page's refresh.
    this.#signals
      ?.publish({
        recipients: { type: 'broadcast' },
        channel: GOVERNANCE_SYNC_SIGNAL_CHANNEL,
        message,
      })
      .catch(error =>
        this.#logger.warn(`Governance sync signal not published: ${error}`),
      );
  }
}
