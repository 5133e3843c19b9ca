import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  Campaign,
  ReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { seededEstateStores } from '../__testUtils__/estate';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { CampaignService } from './CampaignService';
import { KnexCampaignStore } from './KnexCampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const created: Omit<Campaign, 'createdAt' | 'createdBy' | 'payingTenants'> = {
  id: 'launch-fra',
  locationId: 'eu-central-1',
  owner: 'group:default/platform-team',
  targetDate: '2027-01-31',
  plan: {
    tenantIds: [],
    classes: [{ tier: 'pool', classification: 'internal', count: 1 }],
  },
  gates: ['readiness-level', 'no-unwaived-blockers'],
  requiredReadinessLevel: 'ready',
};

const evaluation = (
  level: ReadinessEvaluation['level'],
  evaluatedAt: string,
): ReadinessEvaluation => ({
  locationId: 'eu-central-1',
  level,
  blockers: [],
  openChecks: [],
  signals: {} as ReadinessEvaluation['signals'],
  evaluatedAt,
});

describe.each(databases.eachSupportedId())(
  'CampaignService.refreshGates on %p',
  id => {
    it('moves every campaign gate with the latest readiness evaluation, recording only changes, so the burn-up follows the scheduled cycles', async () => {
      const { knex } = await seededEstateStores(databases, id);
      const store = KnexCampaignStore.create({ client: knex });
      let latest = evaluation('pilot', '2026-12-01T00:00:00.000Z');
      let now = new Date('2026-12-01T10:00:00.000Z');
      const campaigns = CampaignService.create({
        store,
        catalog: async () => LocationCatalog.fromSnapshot(),
        latestReadiness: async () => latest,
        estimateCost: async () => ({ unpricedReason: 'not priced here' }),
        dailyCosts: async () => ({ unreadable: 'not read here' }),
        now: () => now,
      });
      await campaigns.create(created, 'user:default/admin');
      const gateState = async () =>
        Object.fromEntries(
          (await campaigns.view(created.id)).gates.map(g => [
            g.gateId,
            g.state,
          ]),
        );
      expect(await gateState()).toEqual({
        'readiness-level': 'failed',
        'no-unwaived-blockers': 'passed',
      });

      now = new Date('2026-12-02T10:00:00.000Z');
      expect(await campaigns.refreshGates()).toEqual({
        campaigns: 1,
        changed: 0,
      });
      latest = evaluation('ready', '2026-12-02T09:00:00.000Z');
      expect(await campaigns.refreshGates()).toEqual({
        campaigns: 1,
        changed: 1,
      });
      expect(await gateState()).toEqual({
        'readiness-level': 'passed',
        'no-unwaived-blockers': 'passed',
      });
      const history = await store.gateHistory(created.id);
      expect(history.map(h => [h.gateId, h.state, h.at])).toEqual([
        ['readiness-level', 'failed', '2026-12-01T10:00:00.000Z'],
        ['no-unwaived-blockers', 'passed', '2026-12-01T10:00:00.000Z'],
        ['readiness-level', 'passed', '2026-12-02T10:00:00.000Z'],
      ]);
    });
  },
);
