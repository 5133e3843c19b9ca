import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  GovernanceFreshness,
  StoredReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationOwners } from './catalogLocationOwners';
import { NotificationsConfig } from './config';
import {
  CAMPAIGN_SCOPE,
  CampaignGateStates,
  campaignSlipConditions,
  decideNotifications,
  GOVERNANCE_SCOPE,
  governanceConditions,
  NotificationCondition,
  readinessConditions,
} from './notificationConditions';
import { NotificationStateStore } from './NotificationStateStore';

/** Where the portal mounts the plugin's pages. */
const PORTAL_ROOT = '/region-expansion';

/** The condition's page: its own link, its location's, or governance. */
function linkOf(condition: NotificationCondition): string {
  if (condition.link) return condition.link;
  return condition.locationId
    ? `/regions/${encodeURIComponent(condition.locationId)}`
    : '/governance';
}

/**
 * Options of {@link RegionExpansionNotifier.create}.
 *
 * @public
 */
export interface RegionExpansionNotifierOptions {
  /** Backstage's notifications service; none: the notifier does nothing. */
  notifications?: NotificationService;
  store: NotificationStateStore;
  /** Owners of the locations' catalog Resources. */
  owners: LocationOwners;
  settings: NotificationsConfig;
  /** Stored campaigns with their gates' states; none: no campaign topics. */
  campaigns?: () => Promise<CampaignGateStates[]>;
  logger: LoggerService;
  /** Clock, for tests. */
  now?: () => Date;
}

/**
 * Sends Backstage notifications after each readiness evaluation cycle and
 * governance sync: a readiness level drop, a waiver about to expire,
 * guardrail drift, a governance source stale past its window, a campaign
 * gate not passed by the campaign's target date. Each topic
 * (a location and a condition) is notified once until its condition
 * changes: the last state is kept in a {@link NotificationStateStore}, and
 * the notification's `scope` is the topic, so a re-send updates the
 * recipient's notification instead of adding one. Recipients: the owners of
 * the location's catalog Resource (and a campaign's owner) and the
 * configured auditors group.
 *
 * @public
 */
export class RegionExpansionNotifier {
  readonly #notifications?: NotificationService;
  readonly #store: NotificationStateStore;
  readonly #owners: LocationOwners;
  readonly #settings: NotificationsConfig;
  readonly #campaigns?: () => Promise<CampaignGateStates[]>;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  /** Creates the notifier. */
  static create(
    options: RegionExpansionNotifierOptions,
  ): RegionExpansionNotifier {
    return new RegionExpansionNotifier(options);
  }

  private constructor(options: RegionExpansionNotifierOptions) {
    this.#notifications = options.notifications;
    this.#store = options.store;
    this.#owners = options.owners;
    this.#settings = options.settings;
    this.#campaigns = options.campaigns;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** Notifies what changed in these evaluations (one cycle's, or one location's). */
  async afterReadiness(
    evaluations: readonly StoredReadinessEvaluation[],
  ): Promise<void> {
    const { waiverExpiryDays } = this.#settings;
    await this.#cycle(
      new Set(evaluations.map(e => e.locationId)),
      evaluations.flatMap(e => readinessConditions(e, { waiverExpiryDays })),
    );
  }

  /** Notifies governance targets newly stale past their window. */
  async afterGovernanceSync(
    freshness: readonly GovernanceFreshness[],
  ): Promise<void> {
    await this.#cycle(
      new Set([GOVERNANCE_SCOPE]),
      governanceConditions(freshness, {
        staleAfterMinutes: this.#settings.governanceStaleAfterHours * 60,
        now: this.#now(),
      }),
    );
  }

  /**
   * Notifies campaigns whose gates slip past their target date, from the
   * stored gate states (no AWS call); run after each evaluation cycle, so
   * a date passing is seen without a gate changing.
   */
  async afterCampaignCycle(): Promise<void> {
    const campaigns = this.#campaigns;
    if (!campaigns || !this.#notifications) return;
    await this.#cycle(new Set([CAMPAIGN_SCOPE]), async () =>
      campaignSlipConditions(await campaigns(), {
        slipDays: this.#settings.campaignSlipDays,
        now: this.#now(),
      }),
    );
  }

  /** One cycle; its failure is logged, never failing the evaluation or sync that fed it. */
  async #cycle(
    scopes: Set<string>,
    conditions:
      | NotificationCondition[]
      | (() => Promise<NotificationCondition[]>),
  ): Promise<void> {
    const decided = async () =>
      this.#decideAndSend(
        scopes,
        typeof conditions === 'function' ? await conditions() : conditions,
      );
    await decided().catch(error =>
      this.#logger.warn(`Region expansion notifications failed: ${error}`),
    );
  }

  async #decideAndSend(
    scopes: Set<string>,
    conditions: NotificationCondition[],
  ): Promise<void> {
    const notifications = this.#notifications;
    if (!notifications || scopes.size === 0) return;
    const remembered = new Map(
      (await this.#store.list([...scopes])).map(r => [r.topic, r]),
    );
    const decision = decideNotifications(remembered, scopes, conditions);
    const owners = await this.#ownersOf(decision.send);
    const unsent = new Set<string>();
    for (const condition of decision.send) {
      const entityRef = [
        ...(condition.recipients ?? []),
        ...(condition.locationId ? owners.get(condition.locationId) ?? [] : []),
        ...(this.#settings.auditorsGroup ? [this.#settings.auditorsGroup] : []),
      ];
      if (entityRef.length === 0) continue;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: [...new Set(entityRef)] },
          payload: {
            title: condition.title,
            description: condition.description,
            severity: condition.severity,
            link: `${PORTAL_ROOT}${linkOf(condition)}`,
            topic: `Region expansion: ${condition.locationId ?? 'governance'}`,
            scope: `region-expansion:${condition.topic}`,
          },
        });
      } catch (error) {
        // Not remembered, so the next cycle tries again.
        unsent.add(condition.topic);
        this.#logger.warn(
          `Could not send the notification '${condition.topic}': ${error}`,
        );
      }
    }
    await this.#store.put(
      decision.remember.filter(r => !unsent.has(r.topic)),
      this.#now().toISOString(),
    );
    await this.#store.remove(decision.forget);
  }

  async #ownersOf(
    sends: readonly NotificationCondition[],
  ): Promise<Map<string, string[]>> {
    const locationIds = [
      ...new Set(sends.flatMap(c => (c.locationId ? [c.locationId] : []))),
    ];
    try {
      return await this.#owners(locationIds);
    } catch (error) {
      // The auditors group is still told.
      this.#logger.warn(
        `Could not read the owners of ${locationIds.length} locations from the catalog: ${error}`,
      );
      return new Map();
    }
  }
}
