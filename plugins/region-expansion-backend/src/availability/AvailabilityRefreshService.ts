import { SSMClient } from '@aws-sdk/client-ssm';
import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AvailabilityIndex,
  AvailabilitySnapshot,
  diffAvailability,
  GovernanceAwsContext,
  LiveAvailability,
  mergeLiveAvailability,
  refreshFromSsm,
  regionServicesPath,
  ServiceMapping,
  SsmPageFailure,
} from '@region-expansion/plugin-region-expansion-node';
import type {
  AvailabilityDiffView,
  AvailabilityRefreshView,
  AvailabilityStatus,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AvailabilityRefreshTrigger,
  AvailabilitySkippedPartition,
  AvailabilityStore,
  StoredAvailabilityRefresh,
} from './AvailabilityStore';
import { noAccountReason } from './config';

/**
 * Builds the SSM client reading one partition's public parameters, with
 * that partition's account; `undefined` when no account is configured for
 * it (the refresh skips the partition).
 *
 * @public
 */
export type SsmClientFactory = (
  partition: string,
) => Promise<SSMClient | undefined>;

/**
 * An {@link SsmClientFactory} over an AWS context (see
 * `availabilityAwsContext`): the partition's own target account and home
 * Region, with the context's credentials, endpoint and retry settings;
 * `undefined` for a partition without a target.
 *
 * @public
 */
export function ssmClientFactory(
  context: GovernanceAwsContext,
): SsmClientFactory {
  return async partition => {
    const target = context
      .homeRegionTargets()
      .find(t => t.partition === partition);
    if (!target) return undefined;
    // The context keys endpoint overrides by governance source; availability
    // contexts carry only the shared endpoint, so any source resolves to it.
    return new SSMClient(await context.clientSettings('config', target));
  };
}

/**
 * Options of {@link AvailabilityRefreshService.create}.
 *
 * @public
 */
export interface AvailabilityRefreshServiceOptions {
  store: AvailabilityStore;
  logger: LoggerService;
  /** Refreshes run only when true. */
  enabled: boolean;
  /** Partitions a refresh reads by default, in order. */
  partitions: string[];
  /** SSM client per partition; required when enabled. */
  clientFor?: SsmClientFactory;
  /** Snapshot compared and merged with; default the bundled one. */
  snapshot?: AvailabilitySnapshot;
  mapping?: ServiceMapping;
  /** Parallel Region listings per partition. Default 4. */
  concurrency?: number;
  /**
   * How long the refresh lease lasts without renewal, in milliseconds; a
   * running refresh renews it every third of that, so this is how long a
   * crashed replica blocks refreshes. Default 5 minutes.
   */
  leaseDurationMs?: number;
  now?: () => Date;
}

/** Default {@link AvailabilityRefreshServiceOptions.leaseDurationMs}. */
const DEFAULT_LEASE_MS = 5 * 60_000;

// The answers of the availability routes, declared once with their schemas
// in the common package.
export type {
  AvailabilityDiffView,
  AvailabilityRefreshView,
  AvailabilityStatus,
};

/**
 * A stored refresh as the API shows it: dated, page outcomes, failed pages
 * and service counts per location.
 *
 * @public
 */
export function availabilityRefreshView(
  refresh: StoredAvailabilityRefresh,
): AvailabilityRefreshView {
  const incomplete = new Set(refresh.live.incomplete);
  return {
    id: refresh.id,
    fetchedAt: refresh.live.fetchedAt,
    partitions: refresh.partitions,
    trigger: refresh.trigger,
    requestedBy: refresh.requestedBy,
    skipped: refresh.skipped,
    pages: { ok: refresh.pagesOk, failed: refresh.pagesFailed },
    // The documented shape of GET /availability (SsmPageFailure in the
    // OpenAPI contract): the class and its fixed sentence, nothing else.
    failures: refresh.live.failures.map(
      ({ locationId, path, page, reasonKind, error }) => ({
        locationId,
        path,
        page,
        reasonKind,
        error,
      }),
    ),
    incomplete: refresh.live.incomplete,
    locations: Object.entries(refresh.live.locations).map(
      ([locationId, codes]) => ({
        locationId,
        services: codes.length,
        complete: !incomplete.has(locationId),
      }),
    ),
  };
}

/**
 * Live availability: reads the SSM public parameters
 * `/aws/service/global-infrastructure/regions/<region>/services` of every
 * Region of the configured partitions through the AWS SDK (the node
 * library's `refreshFromSsm`, paginated, best effort), stores each refresh
 * with its date and page outcomes, and compares or merges the latest with
 * the snapshot. One refresh runs at a time across every backend replica
 * sharing the database (a lease row of the store, see
 * {@link AvailabilityStore.acquireRefreshLease}).
 *
 * @public
 */
export class AvailabilityRefreshService {
  readonly #store: AvailabilityStore;
  readonly #logger: LoggerService;
  readonly #enabled: boolean;
  readonly #partitions: string[];
  readonly #clientFor?: SsmClientFactory;
  readonly #snapshot: AvailabilitySnapshot;
  readonly #mapping: ServiceMapping;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #now: () => Date;

  static create(
    options: AvailabilityRefreshServiceOptions,
  ): AvailabilityRefreshService {
    return new AvailabilityRefreshService(options);
  }

  private constructor(options: AvailabilityRefreshServiceOptions) {
    if (options.enabled && !options.clientFor) {
      throw new Error('An enabled availability refresh needs an SSM client');
    }
    this.#store = options.store;
    this.#logger = options.logger;
    this.#enabled = options.enabled;
    this.#partitions = options.partitions;
    this.#clientFor = options.clientFor;
    this.#snapshot =
      options.snapshot ?? AvailabilityIndex.fromSnapshot().toSnapshot();
    this.#mapping = options.mapping ?? ServiceMapping.default();
    this.#concurrency = options.concurrency ?? 4;
    this.#leaseMs = options.leaseDurationMs ?? DEFAULT_LEASE_MS;
    this.#now = options.now ?? (() => new Date());
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /**
   * Reads SSM now and stores the result. `partitions` narrows the configured
   * ones (`InputError` naming the entry otherwise). `ConflictError` while a
   * refresh runs on any replica; `ServiceUnavailableError` when live refresh
   * is disabled. An aborted `signal` (shutdown) ends the reads early: the
   * page being read fails as `interrupted`, unread locations are left out
   * (they keep the snapshot's services) and what was read is stored.
   */
  async refresh(options: {
    trigger: AvailabilityRefreshTrigger;
    requestedBy: string;
    partitions?: string[];
    signal?: AbortSignal;
  }): Promise<StoredAvailabilityRefresh> {
    if (!this.#enabled || !this.#clientFor) {
      throw new ServiceUnavailableError(
        'Live availability refresh is not enabled (regionExpansion.availability.live.enabled)',
      );
    }
    const partitions = options.partitions
      ? [...new Set(options.partitions)]
      : this.#partitions;
    partitions.forEach((partition, index) => {
      if (!this.#partitions.includes(partition)) {
        throw new InputError(
          `partitions[${index}]: '${partition}' is not a configured partition (${this.#partitions.join(
            ', ',
          )})`,
        );
      }
    });
    const holder = randomUUID();
    const taken = await this.#store.acquireRefreshLease({
      holder,
      requestedBy: options.requestedBy,
      now: this.#now(),
      durationMs: this.#leaseMs,
    });
    if (!taken.acquired) {
      throw new ConflictError(
        `An availability refresh is already running (requested by ${taken.lease.requestedBy} at ${taken.lease.acquiredAt})`,
      );
    }
    const renewal = setInterval(() => {
      this.#store
        .renewRefreshLease(holder, this.#now(), this.#leaseMs)
        .then(held => {
          if (!held) {
            this.#logger.warn(
              'Availability refresh lease lost (expired while renewing); another replica may refresh at the same time',
            );
          }
        })
        .catch(error =>
          this.#logger.warn(`Availability refresh lease not renewed: ${error}`),
        );
    }, Math.max(1, Math.floor(this.#leaseMs / 3)));
    renewal.unref();
    try {
      const { read, skipped, ...refresh } = await this.#read(
        this.#clientFor,
        partitions,
        options.signal,
      );
      const stored = await this.#store.add({
        ...refresh,
        partitions: read,
        skipped,
        trigger: options.trigger,
        requestedBy: options.requestedBy,
      });
      this.#logger.info(
        `Availability refresh (${options.trigger}) of ${
          read.join(', ') || 'no partition'
        }: ${Object.keys(stored.live.locations).length} locations, ${
          stored.pagesOk
        } pages read, ${stored.pagesFailed} failed${
          skipped.length
            ? `; skipped ${skipped.map(s => s.partition).join(', ')}`
            : ''
        }`,
      );
      return stored;
    } finally {
      clearInterval(renewal);
      await this.#store.releaseRefreshLease(holder);
    }
  }

  async #read(
    clientFor: SsmClientFactory,
    partitions: string[],
    signal: AbortSignal | undefined,
  ): Promise<{
    live: LiveAvailability;
    pagesOk: number;
    pagesFailed: number;
    read: string[];
    skipped: AvailabilitySkippedPartition[];
  }> {
    const locations: Record<string, string[]> = {};
    const incomplete: string[] = [];
    const failures: SsmPageFailure[] = [];
    const pages = { ok: 0 };
    const read: string[] = [];
    const skipped: AvailabilitySkippedPartition[] = [];
    for (const partition of partitions) {
      if (signal?.aborted) break;
      const regions = this.#snapshot.partitions[partition]?.regions ?? [];
      let client: SSMClient | undefined;
      try {
        client = await clientFor(partition);
      } catch (error) {
        read.push(partition);
        // No client, no page: every Region of the partition is listed
        // failed. The error may name roles, accounts or keys: it goes to
        // the backend log only, readers get a fixed sentence.
        this.#logger.warn(
          `Availability refresh has no SSM client for partition ${partition}: ${error}`,
        );
        const message = `no SSM client for partition ${partition}: the credentials of its account could not be set up; the backend log has the error`;
        for (const locationId of regions) {
          locations[locationId] = [];
          incomplete.push(locationId);
          failures.push({
            locationId,
            path: regionServicesPath(locationId),
            page: 0,
            reasonKind: 'invalid-credentials',
            error: message,
          });
        }
        continue;
      }
      if (!client) {
        // Never read with another partition's account: the partition's
        // locations are left out, so they keep the snapshot's services.
        const reason = noAccountReason(partition);
        this.#logger.warn(
          `Availability refresh skipped partition ${partition}: ${reason}`,
        );
        skipped.push({ partition, reason });
        continue;
      }
      read.push(partition);
      // Counts pages read: the initialize step wraps retries, so each
      // successful GetParametersByPath counts once.
      client.middlewareStack.add(
        next => async args => {
          const output = await next(args);
          pages.ok += 1;
          return output;
        },
        { step: 'initialize', name: 'regionExpansionAvailabilityPages' },
      );
      try {
        const live = await refreshFromSsm(client, {
          locations: regions,
          concurrency: this.#concurrency,
          now: this.#now,
          signal,
          // The AWS error text may name roles and accounts: the log has it,
          // the stored failure only its classified reason.
          onPageError: (failure, detail) =>
            this.#logger.warn(
              `Availability refresh: page ${failure.page} of ${failure.path} failed (${failure.reasonKind}): ${detail}`,
            ),
        });
        Object.assign(locations, live.locations);
        incomplete.push(...live.incomplete);
        failures.push(...live.failures);
      } finally {
        client.destroy();
      }
    }
    return {
      live: {
        fetchedAt: this.#now().toISOString(),
        locations: Object.fromEntries(
          Object.entries(locations).sort(([a], [b]) => a.localeCompare(b)),
        ),
        incomplete: [...new Set(incomplete)].sort(),
        failures: failures.sort(
          (a, b) => a.locationId.localeCompare(b.locationId) || a.page - b.page,
        ),
      },
      pagesOk: pages.ok,
      pagesFailed: failures.length,
      read,
      skipped,
    };
  }

  /** The latest refresh with configuration and snapshot date. */
  async status(): Promise<AvailabilityStatus> {
    const latest = await this.#store.latest();
    return {
      enabled: this.#enabled,
      running: !!(await this.#store.activeRefreshLease(this.#now())),
      partitions: this.#partitions,
      snapshotDate: this.#snapshot.snapshotDate,
      latest: latest ? availabilityRefreshView(latest) : null,
    };
  }

  /**
   * Snapshot against the latest refresh: services added and removed per
   * location (removals only where the listing was complete).
   * `NotFoundError` before the first refresh.
   */
  async diff(): Promise<AvailabilityDiffView> {
    const latest = await this.#store.latest();
    if (!latest) {
      throw new NotFoundError(
        'No live availability refresh is stored yet: POST /availability/refresh',
      );
    }
    return {
      snapshotDate: this.#snapshot.snapshotDate,
      fetchedAt: latest.live.fetchedAt,
      refreshId: latest.id,
      locations: diffAvailability(this.#snapshot, latest.live, this.#mapping),
    };
  }

  /**
   * The availability readiness judges against: the latest refresh that read
   * at least one page, merged over the snapshot, each location dated by
   * where its data came from (`mergeLiveAvailability`); the snapshot alone
   * when there is none.
   */
  async currentIndex(): Promise<AvailabilityIndex> {
    const latest = await this.#store.latest({ withPagesRead: true });
    return AvailabilityIndex.fromSnapshot(
      latest
        ? mergeLiveAvailability(this.#snapshot, latest.live, this.#mapping)
        : this.#snapshot,
    );
  }
}
