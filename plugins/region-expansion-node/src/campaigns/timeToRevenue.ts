import type {
  Campaign,
  CampaignTimeToRevenue,
} from '@region-expansion/plugin-region-expansion-common';
import type { CampaignPlacement } from './campaignBurnUp';

const DAY_MS = 86_400_000;

/**
 * Daily costs of one Region as Cost Explorer reports them, or why they
 * could not be read.
 *
 * @public
 */
export type RegionDailyCosts =
  | { days: Array<{ date: string; amount: number }>; currency: string }
  | { unreadable: string };

const startOfDay = (day: string) => `${day}T00:00:00.000Z`;

/** The first paying tenant: planned by name, placed there, paying; earliest max(payingSince, placedAt). */
function firstPayingTenant(
  campaign: Campaign,
  placements: readonly CampaignPlacement[],
) {
  const planned = new Set(campaign.plan.tenantIds);
  let first: { tenantId: string; at: string } | undefined;
  for (const paying of campaign.payingTenants) {
    if (!planned.has(paying.tenantId)) continue;
    const placedAt = placements
      .filter(p => p.tenantId === paying.tenantId)
      .map(p => new Date(p.placedAt).toISOString())
      .sort()[0];
    if (!placedAt) continue;
    const since = startOfDay(paying.payingSince);
    const at = since > placedAt ? since : placedAt;
    if (!first || at < first.at) first = { tenantId: paying.tenantId, at };
  }
  return first;
}

/**
 * Time to revenue of a campaign: from the first day with cost in the
 * location's Region (Cost Explorer), or the campaign's start when costs
 * cannot be read or show no spend, to the first paying tenant placed in the
 * location, and the spend accrued until that day.
 *
 * @public
 */
export function timeToRevenue(
  campaign: Campaign,
  costs: RegionDailyCosts,
  placements: readonly CampaignPlacement[],
): CampaignTimeToRevenue {
  const spendDays =
    'days' in costs
      ? costs.days
          .filter(d => d.amount > 0)
          .sort((a, b) => (a.date < b.date ? -1 : 1))
      : [];
  const firstSpend: CampaignTimeToRevenue['firstSpend'] =
    spendDays.length > 0
      ? { at: startOfDay(spendDays[0].date), source: 'cost-explorer' }
      : {
          at: new Date(campaign.createdAt).toISOString(),
          source: 'campaign-start',
          reason:
            'unreadable' in costs
              ? costs.unreadable
              : `Cost Explorer shows no spend in the Region of ${campaign.locationId} yet.`,
        };
  const paying = firstPayingTenant(campaign, placements);
  if (!paying)
    return {
      firstSpend,
      reason: `No planned tenant placed in ${campaign.locationId} is recorded as paying yet.`,
    };
  const days = Math.max(
    0,
    Math.floor((Date.parse(paying.at) - Date.parse(firstSpend.at)) / DAY_MS),
  );
  if (!('days' in costs))
    return {
      firstSpend,
      firstPayingTenant: paying,
      days,
      reason: `The spend until then is unknown: ${costs.unreadable}`,
    };
  const lastDay = paying.at.slice(0, 10);
  const amount = costs.days
    .filter(d => d.date <= lastDay)
    .reduce((sum, d) => sum + d.amount, 0);
  return {
    firstSpend,
    firstPayingTenant: paying,
    days,
    spendUntilFirstRevenue: {
      amount: Math.round(amount * 100) / 100,
      currency: costs.currency,
    },
  };
}
