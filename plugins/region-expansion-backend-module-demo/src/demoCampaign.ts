import type { CreateCampaignInput } from '@region-expansion/plugin-region-expansion-common';

const DAY_MS = 86_400_000;

/**
 * Days from the seeding day to the demo campaign's target date.
 *
 * @public
 */
export const DEMO_CAMPAIGN_TARGET_DAYS = 90;

/**
 * The demo's launch campaign: the European Sovereign Cloud Region, with
 * readiness, blocker and cost gates, planning pooled and bridge tenants.
 * Its target date is {@link DEMO_CAMPAIGN_TARGET_DAYS} after `now`, as the
 * campaign service refuses a target date in the past.
 *
 * @public
 */
export function demoCampaign(now: Date): CreateCampaignInput {
  const target = new Date(now.getTime() + DEMO_CAMPAIGN_TARGET_DAYS * DAY_MS);
  return {
    id: 'launch-eusc-de-east-1',
    locationId: 'eusc-de-east-1',
    owner: 'group:default/platform-team',
    targetDate: target.toISOString().slice(0, 10),
    plan: {
      tenantIds: [],
      classes: [
        { tier: 'pool', classification: 'confidential', count: 40 },
        { tier: 'bridge', classification: 'restricted', count: 6 },
      ],
    },
    gates: ['readiness-level', 'no-unwaived-blockers', 'cost-approved'],
    requiredReadinessLevel: 'ready',
  };
}
