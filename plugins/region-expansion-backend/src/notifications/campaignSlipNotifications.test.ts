import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  Campaign,
  CampaignGateChange,
  CampaignGateId,
} from '@region-expansion/plugin-region-expansion-common';
import {
  NOTIFIER_LOCATION,
  NOTIFIER_LOCATION_OWNER,
  NOTIFIER_START,
  notifierHarness,
} from '../__testUtils__/notifierHarness';
import { testDatabaseIds } from '../__testUtils__/testDatabases';

const DAY_MS = 24 * 60 * 60 * 1000;
const AUDITORS = 'group:default/auditors';
const CAMPAIGN_OWNER = 'group:default/launch-team';

/** A campaign on the harness's location with three gates, due `targetDate`. */
function campaign(targetDate: string): Campaign {
  return {
    id: 'launch-fra',
    locationId: NOTIFIER_LOCATION,
    owner: CAMPAIGN_OWNER,
    targetDate,
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: 'user:default/admin',
    plan: { tenantIds: ['acme'], classes: [] },
    gates: ['readiness-level', 'guardrail-drift', 'cost-approved'],
    requiredReadinessLevel: 'ready',
    payingTenants: [],
  };
}

let tick = 0;
/** Gate changes as the campaign service stores them, each later than the last. */
function changes(
  states: Partial<Record<CampaignGateId, 'passed' | 'failed'>>,
): CampaignGateChange[] {
  tick += 1;
  const at = new Date(Date.parse('2026-11-02T00:00:00Z') + tick * 60_000);
  return Object.entries(states).map(([gateId, state]) => ({
    gateId: gateId as CampaignGateId,
    state: state!,
    reason: `${gateId} is ${state}`,
    at: at.toISOString(),
  }));
}

describe.each(testDatabaseIds())(
  'campaign slip notifications (%s)',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });

    /** The harness with one campaign due `targetDate`, its readiness gate failed. */
    async function withFailingCampaign(
      targetDate: string,
      settings: Parameters<typeof notifierHarness>[2] = {},
    ) {
      const harness = await notifierHarness(databases, databaseId, settings);
      await harness.campaignStore.createCampaign(
        campaign(targetDate),
        changes({ 'readiness-level': 'failed' }),
      );
      return harness;
    }

    it('tells the campaign owner, the location owners and the auditors of a gate open past the target date within one cycle', async () => {
      const { notifier, notifications, campaignStore } = await notifierHarness(
        databases,
        databaseId,
        { auditorsGroup: AUDITORS },
      );
      await campaignStore.createCampaign(
        campaign('2026-12-01'),
        changes({
          'readiness-level': 'passed',
          'guardrail-drift': 'failed',
          'cost-approved': 'failed',
        }),
      );

      await notifier.afterCampaignCycle();

      expect(notifications.sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [CAMPAIGN_OWNER, NOTIFIER_LOCATION_OWNER, AUDITORS],
          },
          payload: expect.objectContaining({
            title:
              'Campaign launch-fra is past its target date 2026-12-01 with 2 gates not passed',
            description: 'Gates not passed: cost-approved, guardrail-drift.',
            severity: 'high',
            link: '/region-expansion/campaigns/launch-fra',
            scope: 'region-expansion:campaign-slip:launch-fra',
          }),
        },
      ]);
    });

    it('sends no duplicate over 10 cycles of an unchanged slipped campaign', async () => {
      const { notifier, notifications, setNow } = await withFailingCampaign(
        '2026-12-01',
      );
      for (let i = 0; i < 10; i++) {
        setNow(new Date(NOTIFIER_START.getTime() + i * DAY_MS));
        await notifier.afterCampaignCycle();
      }
      expect(notifications.sent.map(s => s.payload.scope)).toEqual([
        'region-expansion:campaign-slip:launch-fra',
      ]);
    });

    it('notifies again with fewer gates once one passes, and forgets the topic once all passed', async () => {
      const { notifier, notifications, campaignStore } = await notifierHarness(
        databases,
        databaseId,
      );
      const slipped = campaign('2026-12-01');
      await campaignStore.createCampaign(
        slipped,
        changes({ 'readiness-level': 'failed', 'cost-approved': 'failed' }),
      );
      const cycleAfter = async (
        states: Parameters<typeof changes>[0],
      ): Promise<void> => {
        await campaignStore.appendGateChanges(slipped.id, changes(states));
        await notifier.afterCampaignCycle();
      };
      const openThree =
        'Gates not passed: cost-approved, guardrail-drift, readiness-level.';
      const openTwo = 'Gates not passed: cost-approved, guardrail-drift.';

      await notifier.afterCampaignCycle();
      await cycleAfter({ 'readiness-level': 'passed' });
      await cycleAfter({});
      await cycleAfter({
        'guardrail-drift': 'passed',
        'cost-approved': 'passed',
      });
      // Forgotten: the same gates failing again later are a new slip,
      // notified although their state equals the last one sent.
      await cycleAfter({
        'guardrail-drift': 'failed',
        'cost-approved': 'failed',
      });

      expect(notifications.sent.map(s => s.payload.description)).toEqual([
        openThree,
        openTwo,
        openTwo,
      ]);
    });

    it('sends nothing for a campaign not yet due, nor on its target date, and notifies the day after', async () => {
      const { notifier, notifications, setNow } = await withFailingCampaign(
        '2026-12-08',
      );
      await notifier.afterCampaignCycle();
      setNow(new Date('2026-12-08T23:59:00Z'));
      await notifier.afterCampaignCycle();
      expect(notifications.sent).toEqual([]);

      setNow(new Date('2026-12-09T00:00:00Z'));
      await notifier.afterCampaignCycle();
      expect(notifications.sent.map(s => s.payload.title)).toEqual([
        'Campaign launch-fra is past its target date 2026-12-08 with 3 gates not passed',
      ]);
    });

    it('notifies within the configured campaignSlipDays before the target date', async () => {
      const { notifier, notifications, setNow } = await withFailingCampaign(
        '2026-12-10',
        { campaignSlipDays: 3 },
      );
      // Dec 6 noon: 4.5 days before the target day ends.
      await notifier.afterCampaignCycle();
      expect(notifications.sent).toEqual([]);

      setNow(new Date('2026-12-08T00:00:01Z'));
      await notifier.afterCampaignCycle();
      expect(notifications.sent.map(s => s.payload)).toEqual([
        expect.objectContaining({
          title:
            'Campaign launch-fra is due 2026-12-10 with 3 gates not passed',
          severity: 'normal',
        }),
      ]);
    });
  },
);
