import { createCampaignSchema } from '@region-expansion/plugin-region-expansion-common';
import { mockServices } from '@backstage/backend-test-utils';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { DemoEstateSeeder } from './DemoEstateSeeder';
import { demoCampaign } from './demoCampaign';
import { DEMO_REGIONS } from './syntheticEstate';

describe('demoCampaign', () => {
  it('is a valid POST /campaigns body for a demo Region, targeting 90 days after the seeding day', () => {
    const campaign = demoCampaign(new Date('2026-12-06T18:00:00Z'));
    expect(createCampaignSchema.parse(campaign)).toEqual(campaign);
    expect(campaign.targetDate).toBe('2027-03-06');
    expect(DEMO_REGIONS.map(r => r.id)).toContain(campaign.locationId);
    expect(
      LocationCatalog.fromSnapshot().get(campaign.locationId),
    ).toBeDefined();
    expect(campaign.gates.length).toBeGreaterThan(1);
  });

  it('is what the demo seeder asks the backend to create, by the demo actor', async () => {
    const seeded: Array<[string, string, string]> = [];
    const seeder = DemoEstateSeeder.create({
      tenants: 0,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-12-06T18:00:00Z'),
    });
    await seeder.seed({
      countCells: async () => 1,
      addControlPlane: async () => {
        throw new Error('must not add a control plane to a seeded estate');
      },
      addCell: async () => {
        throw new Error('must not add a cell to a seeded estate');
      },
      placeTenants: async () => {
        throw new Error('must not place tenants into a seeded estate');
      },
      importTenants: async () => {
        throw new Error('must not import tenants into a seeded estate');
      },
      seedFootprint: async () => false,
      seedCampaign: async (campaign, actor) => {
        seeded.push([campaign.id, campaign.targetDate, actor]);
        return true;
      },
    });
    expect(seeded).toEqual([
      ['launch-eusc-de-east-1', '2027-03-06', 'region-expansion:demo-data'],
    ]);
  });
});
