import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import {
  RegionExpansionEstateSeeder,
  regionExpansionEstateSeedExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import request from 'supertest';
import { regionExpansionPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const auth = mockCredentials.user.header('user:default/admin');

/** A module registering one seeder, as the demo module does. */
function seederModule(seeder: RegionExpansionEstateSeeder) {
  return createBackendModule({
    pluginId: 'region-expansion',
    moduleId: `test-seeder-${seeder.id}`,
    register(env) {
      env.registerInit({
        deps: { seeds: regionExpansionEstateSeedExtensionPoint },
        async init({ seeds }) {
          seeds.addSeeder(seeder);
        },
      });
    },
  });
}

async function start(options: {
  knex: Knex;
  regionExpansion?: JsonObject;
  modules?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  return startTestBackend({
    features: [
      regionExpansionPlugin,
      ...(options.modules ?? []),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: { regionExpansion: options.regionExpansion ?? {} },
      }),
    ],
  });
}

/** A backend with the demo module seeding 20 tenants into `knex`. */
function startDemo(knex: Knex) {
  return start({
    knex,
    regionExpansion: { demoData: { enabled: true, tenants: 20 } },
    modules: [regionExpansionModuleDemo],
  });
}

async function get(backend: { server: any }, path: string) {
  const res = await request(backend.server)
    .get(`/api/region-expansion${path}`)
    .set('Authorization', auth);
  expect([path, res.status]).toEqual([path, 200]);
  return res.body;
}

describe('estate seeders', () => {
  it('run the demo module before the first readiness evaluation, which judges the seeded estate', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startDemo(knex);
    const cells = (await get(backend, '/cells')).items;
    expect(cells).toHaveLength(53);
    const regions = new Set<string>(cells.map((c: any) => c.locationId));
    const decisions = (await get(backend, '/readiness')).items;
    const judged = decisions.filter((d: any) => regions.has(d.locationId));
    expect(judged.map((d: any) => d.locationId).sort()).toEqual(
      [...regions].sort(),
    );
    expect(judged.every((d: any) => d.trigger === 'startup')).toBe(true);
    // The footprint was in place too: availability was judged against it.
    expect((await get(backend, '/application-plane/footprint')).source).toMatch(
      /^demo: /,
    );
    expect((await get(backend, '/tenants?limit=1')).totalCount).toBe(20);
    await backend.stop();
  });

  it('seed the demo launch campaign with its gates, once across restarts', async () => {
    const knex = await databases.init('SQLITE_3');
    const first = await startDemo(knex);
    const campaign = await get(first, '/campaigns/launch-eusc-de-east-1');
    expect(campaign.locationId).toBe('eusc-de-east-1');
    expect(campaign.gates.map((g: any) => g.gateId)).toEqual([
      'readiness-level',
      'no-unwaived-blockers',
      'cost-approved',
    ]);
    expect(campaign.burnUp.length).toBeGreaterThan(0);
    await first.stop();
    const second = await startDemo(knex);
    const listed = (await get(second, '/campaigns')).items;
    expect(listed.map((c: any) => c.id)).toEqual(['launch-eusc-de-east-1']);
    expect(
      (await get(second, '/campaigns/launch-eusc-de-east-1')).createdAt,
    ).toBe(campaign.createdAt);
    await second.stop();
  });

  it('judge the seeded campaign gates by the first readiness evaluation, not as never evaluated', async () => {
    const backend = await startDemo(await databases.init('SQLITE_3'));
    const { level } = await get(backend, '/readiness/eusc-de-east-1');
    const campaign = await get(backend, '/campaigns/launch-eusc-de-east-1');
    const readinessGate = campaign.gates.find(
      (g: any) => g.gateId === 'readiness-level',
    );
    expect(readinessGate.reason).toBe(
      `Readiness level is ${level}; the campaign requires ready.`,
    );
    await backend.stop();
  });

  it('leave an estate that has cells alone on the next start', async () => {
    const knex = await databases.init('SQLITE_3');
    const first = await startDemo(knex);
    await first.stop();
    const second = await startDemo(knex);
    expect((await get(second, '/cells')).items).toHaveLength(53);
    expect((await get(second, '/tenants?limit=1')).totalCount).toBe(20);
    await second.stop();
  });

  it('are not in a backend without a seeding module, whatever regionExpansion.demoData says', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await start({
      knex,
      regionExpansion: { demoData: { enabled: true } },
    });
    expect((await get(backend, '/cells')).items).toEqual([]);
    await backend.stop();
  });

  it('stop the start, naming the seeder, when one fails', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      start({
        knex,
        modules: [
          seederModule({
            id: 'broken',
            seed: async context => {
              await context.addControlPlane({
                id: 'cp-x',
                name: 'X',
                mode: 'global',
                partition: 'aws-eusc',
                homeLocation: 'eusc-de-east-1',
                managedLocations: ['eusc-de-east-1'],
              });
            },
          }),
        ],
      }),
    ).rejects.toThrow(/Estate seeder broken failed: mode: /);
  });

  it('write through the estate rules, in registration order', async () => {
    const knex = await databases.init('SQLITE_3');
    const order: string[] = [];
    const logger = mockServices.rootLogger.factory({ level: 'none' });
    const backend = await startTestBackend({
      features: [
        regionExpansionPlugin,
        seederModule({
          id: 'first',
          seed: async context => {
            order.push(`first saw ${await context.countCells()} cells`);
            await context.addControlPlane({
              id: 'cp-eu',
              name: 'EU',
              mode: 'regional',
              partition: 'aws',
              homeLocation: 'eu-central-1',
              managedLocations: ['eu-central-1'],
            });
            await context.addCell({
              id: 'cell-fra-1',
              name: 'Frankfurt 1',
              locationId: 'eu-central-1',
              controlPlaneId: 'cp-eu',
              lifecycle: 'active',
              isolation: 'pooled',
              accountId: '111122223333',
              specVersion: '2026.1',
              capacity: { tenants: 10, loadUnits: 100, quotas: {} },
            });
          },
        }),
        seederModule({
          id: 'second',
          seed: async context => {
            order.push(`second saw ${await context.countCells()} cells`);
          },
        }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({ data: {} }),
        logger,
      ],
    });
    expect(order).toEqual(['first saw 0 cells', 'second saw 1 cells']);
    expect((await get(backend, '/readiness/eu-central-1')).trigger).toBe(
      'startup',
    );
    await backend.stop();
  });
});
