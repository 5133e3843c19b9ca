import {
  CAMPAIGN_LIMITS,
  type Campaign,
  type CampaignBurnUpPoint,
  type CampaignGateChange,
} from '@region-expansion/plugin-region-expansion-common';

const DAY_MS = 86_400_000;

/**
 * A stay of a tenant in a cell of the campaign's location, from placement
 * history: placed at `placedAt`, moved out at `leftAt` (absent while it
 * stays).
 *
 * @public
 */
export interface CampaignPlacement {
  /** The tenant placed. */
  tenantId: string;
  /** Its isolation tier, matched against the plan's tenant classes. */
  tier: string;
  /** Its data classification, matched against the plan's tenant classes. */
  classification: string;
  /** When it was placed into a cell of the location (ISO 8601). */
  placedAt: string;
  /** When it moved out of the location (ISO 8601); absent while it stays. */
  leftAt?: string;
}

/**
 * The UTC day (`YYYY-MM-DD`) of a time.
 *
 * @public
 */
export function dayOfTime(time: string | number | Date): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The last instant of a day, as an ISO time, for "as of that day's end". */
function endOf(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/**
 * How many tenants the campaign plans: the named ones plus each class's
 * count.
 *
 * @public
 */
export function plannedTenantCount(campaign: Campaign): number {
  return (
    campaign.plan.tenantIds.length +
    campaign.plan.classes.reduce((sum, c) => sum + c.count, 0)
  );
}

/**
 * Planned tenants in the location at `asOf`: named tenants placed there,
 * plus, per planned class, up to its count of other tenants of that tier
 * and classification.
 *
 * @public
 */
export function onboardedTenantCount(
  campaign: Campaign,
  placements: readonly CampaignPlacement[],
  asOf: string,
): number {
  const present = new Map<string, CampaignPlacement>();
  for (const p of placements) {
    if (p.placedAt <= asOf && (p.leftAt === undefined || p.leftAt > asOf))
      present.set(p.tenantId, p);
  }
  const named = new Set(campaign.plan.tenantIds);
  let count = [...named].filter(id => present.has(id)).length;
  const others = [...present.values()].filter(p => !named.has(p.tenantId));
  const used = new Set<string>();
  for (const c of campaign.plan.classes) {
    const matching = others.filter(
      p =>
        !used.has(p.tenantId) &&
        p.tier === c.tier &&
        p.classification === c.classification,
    );
    for (const p of matching.slice(0, c.count)) used.add(p.tenantId);
    count += Math.min(matching.length, c.count);
  }
  return count;
}

/** Gates passed as of `asOf`: each gate's latest history row at or before it. */
function gatesPassedAt(
  gateIds: readonly string[],
  history: readonly CampaignGateChange[],
  asOf: string,
): number {
  return gateIds.filter(gateId => {
    let latest: CampaignGateChange | undefined;
    for (const h of history) {
      if (h.gateId === gateId && h.at <= asOf && (!latest || h.at >= latest.at))
        latest = h;
    }
    return latest?.state === 'passed';
  }).length;
}

/**
 * The campaign's burn-up: one point per day from its creation to the later
 * of `today` and its target date, each as of that day's end. At most
 * `CAMPAIGN_LIMITS.burnUpPoints` points: older days are folded into the
 * first. Days after today are `projected`, carrying today's values.
 *
 * @public
 */
export function campaignBurnUp(
  campaign: Campaign,
  gateHistory: readonly CampaignGateChange[],
  placements: readonly CampaignPlacement[],
  today: string,
): CampaignBurnUpPoint[] {
  const created = Date.parse(`${dayOfTime(campaign.createdAt)}T00:00:00Z`);
  const last = Math.max(
    Date.parse(`${today}T00:00:00Z`),
    Date.parse(`${campaign.targetDate}T00:00:00Z`),
  );
  const first = Math.max(
    created,
    last - (CAMPAIGN_LIMITS.burnUpPoints - 1) * DAY_MS,
  );
  const gatesTotal = campaign.gates.length;
  const tenantsPlanned = plannedTenantCount(campaign);
  const points: CampaignBurnUpPoint[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const date = dayOfTime(t);
    const projected = date > today;
    const asOf = endOf(projected ? today : date);
    points.push({
      date,
      gatesPassed: gatesPassedAt(campaign.gates, gateHistory, asOf),
      gatesTotal,
      tenantsOnboarded: onboardedTenantCount(campaign, placements, asOf),
      tenantsPlanned,
      ...(projected ? { projected: true } : {}),
    });
  }
  return points;
}
