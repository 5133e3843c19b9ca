import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import type { Campaign } from '@region-expansion/plugin-region-expansion-common';
import { seededEstateStores } from '../__testUtils__/estate';
import { tenantFixture } from '../__testUtils__/fixtures';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { KnexCampaignStore } from './KnexCampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const campaign: Campaign = {
  id: 'launch-fra',
  locationId: 'eu-central-1',
  owner: 'group:default/platform-team',
  targetDate: '2027-01-31',
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: 'user:default/admin',
  plan: {
    tenantIds: ['acme'],
    classes: [{ tier: 'pool', classification: 'internal', count: 1 }],
  },
  gates: ['readiness-level', 'cost-approved'],
  requiredReadinessLevel: 'ready',
  payingTenants: [],
};
const change = (gateId: any, state: any, at: string) => ({
  gateId,
  state,
  reason: `${gateId} is ${state}`,
  at,
});

describe.each(databases.eachSupportedId())('KnexCampaignStore on %p', id => {
  async function setup() {
    const stores = await seededEstateStores(databases, id);
    return {
      ...stores,
      store: KnexCampaignStore.create({ client: stores.knex }),
    };
  }

  it('stores a campaign with its first gate states, refuses its id again and keeps nothing of the second', async () => {
    const { store } = await setup();
    const first = [change('readiness-level', 'failed', campaign.createdAt)];
    await store.createCampaign(campaign, first);
    await expect(
      store.createCampaign({ ...campaign, owner: 'group:default/other' }, [
        change('cost-approved', 'failed', campaign.createdAt),
      ]),
    ).rejects.toThrow(ConflictError);
    expect(await store.getCampaign(campaign.id)).toEqual(campaign);
    expect(await store.gateHistory(campaign.id)).toEqual(first);
    expect(await store.getCampaign('missing')).toBeUndefined();
  });

  it('lists by target date, filters by location, and records approvals, changes and paying tenants', async () => {
    const { store } = await setup();
    const later = {
      ...campaign,
      id: 'launch-dub',
      locationId: 'eu-west-1',
      targetDate: '2027-06-01',
    };
    await store.createCampaign(later, []);
    await store.createCampaign(campaign, []);
    expect((await store.listCampaigns({})).map(c => c.id)).toEqual([
      'launch-fra',
      'launch-dub',
    ]);
    expect(
      (await store.listCampaigns({ locationId: 'eu-west-1' })).map(c => c.id),
    ).toEqual(['launch-dub']);
    const approval = {
      approvedBy: 'user:default/cfo',
      approvedAt: '2026-11-02T00:00:00.000Z',
      monthlyPerTenant: 12.5,
      currency: 'USD',
    };
    await store.approveCost(campaign.id, approval, [
      change('cost-approved', 'passed', approval.approvedAt),
    ]);
    await store.appendGateChanges(campaign.id, [
      change('readiness-level', 'passed', '2026-11-03T00:00:00.000Z'),
    ]);
    await store.recordPayingTenant(
      campaign.id,
      { tenantId: 'acme', payingSince: '2026-11-04' },
      'user:default/admin',
    );
    await store.recordPayingTenant(
      campaign.id,
      { tenantId: 'acme', payingSince: '2026-11-05' },
      'user:default/admin',
    );
    expect(await store.getCampaign(campaign.id)).toEqual({
      ...campaign,
      costApproval: approval,
      payingTenants: [{ tenantId: 'acme', payingSince: '2026-11-05' }],
    });
    expect(
      (await store.gateHistory(campaign.id)).map(h => [h.gateId, h.state]),
    ).toEqual([
      ['cost-approved', 'passed'],
      ['readiness-level', 'passed'],
    ]);
    expect((await store.getCampaign('launch-dub'))?.payingTenants).toEqual([]);
  });

  it("reads each tenant's stays in the location's cells from placement history", async () => {
    const { store, tenants, placements } = await setup();
    await tenants.addTenant(
      tenantFixture({ id: 'acme', cellId: 'cell-fra-1' }),
      {
        actor: 'user:default/admin',
        reason: 'pinned',
      },
    );
    await tenants.addTenant(tenantFixture({ id: 'beta', tier: 'silo' }), {
      actor: 'user:default/admin',
      reason: 'created',
    });
    await placements.recordPlacement(
      {
        tenantId: 'beta',
        cellId: 'cell-dub-1',
        reason: 'r',
        strategy: 'pack',
        kind: 'placed',
      },
      { actor: 'user:default/admin', expectedFromCellId: undefined },
    );
    await placements.recordPlacement(
      {
        tenantId: 'acme',
        fromCellId: 'cell-fra-1',
        cellId: 'cell-dub-1',
        reason: 'r',
        strategy: 'manual',
        kind: 'migrated',
      },
      { actor: 'user:default/admin', expectedFromCellId: 'cell-fra-1' },
    );
    const stays = await store.placementsInLocation('eu-central-1');
    expect(stays).toEqual([
      {
        tenantId: 'acme',
        tier: 'pool',
        classification: 'confidential',
        placedAt: expect.any(String),
        leftAt: expect.any(String),
      },
    ]);
    expect(stays[0].leftAt! >= stays[0].placedAt).toBe(true);
    expect(
      (await store.placementsInLocation('eu-west-1')).map(s => [
        s.tenantId,
        s.tier,
        s.leftAt,
      ]),
    ).toEqual([
      ['beta', 'silo', undefined],
      ['acme', 'pool', undefined],
    ]);
  });
});
