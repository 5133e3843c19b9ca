import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  RegionExpansionEstateSeeder,
  regionExpansionEstateSeedExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import { DemoEstateSeeder } from './DemoEstateSeeder';
import { regionExpansionModuleDemo } from './module';

/** The seeders the module registers under a config. */
async function seedersFor(demoData?: object) {
  const seeders: RegionExpansionEstateSeeder[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        regionExpansionEstateSeedExtensionPoint,
        {
          addSeeder: (seeder: RegionExpansionEstateSeeder) =>
            seeders.push(seeder),
        },
      ],
    ],
    features: [
      regionExpansionModuleDemo,
      mockServices.rootConfig.factory({
        data: demoData ? { regionExpansion: { demoData } } : {},
      }),
    ],
  });
  return seeders;
}

describe('regionExpansionModuleDemo', () => {
  it('registers the demo seeder when regionExpansion.demoData.enabled', async () => {
    const seeders = await seedersFor({ enabled: true, tenants: 10 });
    expect(seeders).toHaveLength(1);
    expect(seeders[0]).toBeInstanceOf(DemoEstateSeeder);
  });

  it.each([
    ['without demoData', undefined],
    ['with enabled false', { enabled: false }],
  ])(
    'registers nothing %s, as a production config has it',
    async (_n, data) => {
      expect(await seedersFor(data)).toEqual([]);
    },
  );

  it('stops the start naming the key when tenants is not a whole number of at least 0', async () => {
    await expect(seedersFor({ enabled: true, tenants: -5 })).rejects.toThrow(
      "Invalid config at regionExpansion.demoData.tenants: '-5' must be a whole number, at least 0",
    );
  });
});
