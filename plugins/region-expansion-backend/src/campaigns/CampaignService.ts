import { InputError, NotFoundError } from '@backstage/errors';
import {
  CAMPAIGN_LIMITS,
  type Campaign,
  type CampaignCostApproval,
  type CampaignGateChange,
  type CampaignSummary,
  type CampaignView,
  type CreateCampaignInput,
  type ReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import {
  applyGateStates,
  campaignBurnUp,
  dayOfTime,
  evaluateCampaignGates,
  gatesFromHistory,
  onboardedTenantCount,
  plannedTenantCount,
  priceRegionOf,
  timeToRevenue,
  type LocationCatalog,
  type RegionDailyCosts,
} from '@region-expansion/plugin-region-expansion-node';
import type { CampaignStore } from './CampaignStore';

const DAY_MS = 86_400_000;
/** Cost Explorer keeps about 13 months of daily costs. */
const COST_HISTORY_DAYS = 390;

/**
 * The cost estimate a cost approval copies: the monthly cost per tenant,
 * or why none was priced.
 *
 * @public
 */
export type CampaignCostEstimate =
  | { monthlyPerTenant: number; currency: string }
  | { unpricedReason: string };

/**
 * Options of {@link CampaignService.create}.
 *
 * @public
 */
export interface CampaignServiceOptions {
  store: CampaignStore;
  /** The location catalog (snapshot plus stored Local Zones and Outposts). */
  catalog: () => Promise<LocationCatalog>;
  /** The location's latest readiness evaluation; undefined when never evaluated. */
  latestReadiness: (
    locationId: string,
  ) => Promise<ReadinessEvaluation | undefined>;
  /** The monthly cost per tenant estimated now for a location. */
  estimateCost: (locationId: string) => Promise<CampaignCostEstimate>;
  /** Daily costs of a Region of a partition, from Cost Explorer. */
  dailyCosts: (query: {
    partition: string;
    region: string;
    from: string;
    to: string;
  }) => Promise<RegionDailyCosts>;
  now?: () => Date;
}

/**
 * Region launch campaigns: creation with its checks, gate evaluation from
 * readiness, cost approval, paying tenants, and the view with burn-up and
 * time to revenue. Every refusal happens before anything is stored.
 *
 * @public
 */
export class CampaignService {
  readonly #options: CampaignServiceOptions;
  readonly #now: () => Date;

  static create(options: CampaignServiceOptions): CampaignService {
    return new CampaignService(options);
  }

  private constructor(options: CampaignServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  async create(
    input: CreateCampaignInput,
    actor: string,
  ): Promise<CampaignView> {
    const now = this.#now();
    const today = dayOfTime(now);
    if (input.targetDate < today) {
      throw new InputError(
        `targetDate: must be today (${today}) or later, got ${input.targetDate}`,
      );
    }
    const catalog = await this.#options.catalog();
    if (!catalog.get(input.locationId)) {
      throw new InputError(
        `locationId: '${input.locationId}' is not a location of the catalog`,
      );
    }
    const campaign: Campaign = {
      ...input,
      createdAt: now.toISOString(),
      createdBy: actor,
      payingTenants: [],
    };
    const latest = await this.#options.latestReadiness(input.locationId);
    const { changes } = applyGateStates(
      [],
      evaluateCampaignGates(campaign, latest),
      now,
    );
    await this.#options.store.createCampaign(campaign, changes);
    return this.view(campaign.id);
  }

  async list(filter: { locationId?: string }): Promise<CampaignSummary[]> {
    const campaigns = await this.#options.store.listCampaigns(filter);
    const today = dayOfTime(this.#now());
    const soon = dayOfTime(
      this.#now().getTime() + CAMPAIGN_LIMITS.atRiskDays * DAY_MS,
    );
    return Promise.all(
      campaigns.map(async campaign => {
        const [history, placements] = await Promise.all([
          this.#options.store.gateHistory(campaign.id),
          this.#options.store.placementsInLocation(campaign.locationId),
        ]);
        const gatesPassed = gatesFromHistory(campaign.gates, history).filter(
          g => g.state === 'passed',
        ).length;
        const gatesTotal = campaign.gates.length;
        return {
          id: campaign.id,
          locationId: campaign.locationId,
          owner: campaign.owner,
          targetDate: campaign.targetDate,
          gatesPassed,
          gatesTotal,
          tenantsOnboarded: onboardedTenantCount(
            campaign,
            placements,
            this.#now().toISOString(),
          ),
          tenantsPlanned: plannedTenantCount(campaign),
          atRisk:
            gatesPassed < gatesTotal &&
            (campaign.targetDate < today || campaign.targetDate <= soon),
        };
      }),
    );
  }

  async view(id: string): Promise<CampaignView> {
    const campaign = await this.#require(id);
    const now = this.#now();
    const today = dayOfTime(now);
    const [history, placements, costs] = await Promise.all([
      this.#options.store.gateHistory(id),
      this.#options.store.placementsInLocation(campaign.locationId),
      this.#dailyCosts(campaign, today),
    ]);
    return {
      ...campaign,
      gates: gatesFromHistory(campaign.gates, history),
      history: history.slice(-CAMPAIGN_LIMITS.historyInView).reverse(),
      burnUp: campaignBurnUp(campaign, history, placements, today),
      timeToRevenue: timeToRevenue(campaign, costs, placements),
    };
  }

  async evaluate(id: string): Promise<CampaignView> {
    const campaign = await this.#require(id);
    const changes = await this.#changes(campaign);
    await this.#options.store.appendGateChanges(campaign.id, changes);
    return this.view(id);
  }

  /**
   * Evaluates the gates of every campaign against its location's latest
   * readiness evaluation and records the changes: run after each scheduled
   * readiness cycle, so gate states (and the burn-up and slip
   * notifications read from them) follow readiness without anyone asking.
   */
  async refreshGates(): Promise<{ campaigns: number; changed: number }> {
    const campaigns = await this.#options.store.listCampaigns({});
    let changed = 0;
    for (const campaign of campaigns) {
      const changes = await this.#changes(campaign);
      if (changes.length) {
        await this.#options.store.appendGateChanges(campaign.id, changes);
        changed++;
      }
    }
    return { campaigns: campaigns.length, changed };
  }

  async approveCost(
    id: string,
    note: string | undefined,
    actor: string,
  ): Promise<CampaignView> {
    const campaign = await this.#require(id);
    const estimate = await this.#options.estimateCost(campaign.locationId);
    const approval: CampaignCostApproval = {
      approvedBy: actor,
      approvedAt: this.#now().toISOString(),
      ...(note ? { note } : {}),
      ...estimate,
    };
    const approved = { ...campaign, costApproval: approval };
    const changes = await this.#changes(approved);
    await this.#options.store.approveCost(id, approval, changes);
    return this.view(id);
  }

  async recordPayingTenant(
    id: string,
    tenantId: string,
    payingSince: string,
    actor: string,
  ): Promise<CampaignView> {
    const campaign = await this.#require(id);
    if (!campaign.plan.tenantIds.includes(tenantId)) {
      throw new InputError(
        `tenantId: '${tenantId}' is not a planned tenant of campaign '${id}'`,
      );
    }
    const today = dayOfTime(this.#now());
    if (payingSince > today) {
      throw new InputError(
        `payingSince: must not be in the future (today is ${today})`,
      );
    }
    await this.#options.store.recordPayingTenant(
      id,
      { tenantId, payingSince },
      actor,
    );
    return this.view(id);
  }

  async #require(id: string): Promise<Campaign> {
    const campaign = await this.#options.store.getCampaign(id);
    if (!campaign) throw new NotFoundError(`Campaign '${id}' not found`);
    return campaign;
  }

  /** The gate changes the campaign's current evidence makes. */
  async #changes(campaign: Campaign): Promise<CampaignGateChange[]> {
    const [history, latest] = await Promise.all([
      this.#options.store.gateHistory(campaign.id),
      this.#options.latestReadiness(campaign.locationId),
    ]);
    return applyGateStates(
      gatesFromHistory(campaign.gates, history),
      evaluateCampaignGates(campaign, latest),
      this.#now(),
    ).changes;
  }

  async #dailyCosts(
    campaign: Campaign,
    today: string,
  ): Promise<RegionDailyCosts> {
    const location = (await this.#options.catalog()).get(campaign.locationId);
    if (!location) {
      return {
        unreadable: `${campaign.locationId} is no longer in the location catalog.`,
      };
    }
    let region: string;
    try {
      region = priceRegionOf(location);
    } catch {
      return {
        unreadable: `${campaign.locationId} has no parent Region to read costs of.`,
      };
    }
    return this.#options.dailyCosts({
      partition: location.partition,
      region,
      from: dayOfTime(
        Date.parse(`${today}T00:00:00Z`) - COST_HISTORY_DAYS * DAY_MS,
      ),
      to: today,
    });
  }
}
