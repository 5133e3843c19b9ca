import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { GovernanceSignalSource } from '@region-expansion/plugin-region-expansion-node';
import { KnexReadinessStore } from '../readiness/KnexReadinessStore';
import { ReadinessService } from '../readiness/ReadinessService';
import { createEstateServices, createEstateStores, migrated } from './estate';

/**
 * A readiness service over a migrated database with a global control
 * plane managing us-east-1 and ap-east-1 and one active cell in each, the
 * clock at 2026-11-26T12:00Z (`advance` moves it).
 */
export async function setupReadiness(
  databases: TestDatabases,
  databaseId: string,
  governanceSources?: GovernanceSignalSource[],
) {
  const knex = await databases.init(databaseId as any);
  const client = await migrated(knex);
  const stores = createEstateStores(client);
  const readinessStore = KnexReadinessStore.create({ client });
  const service = createEstateServices(stores, {
    readiness: () => readinessStore.readinessLookup(),
  });
  let now = new Date('2026-11-26T12:00:00.000Z');
  const readiness = ReadinessService.create({
    store: readinessStore,
    estate: service.estate,
    logger: mockServices.logger.mock(),
    governanceSources,
    now: () => now,
  });
  await service.estate.addControlPlane({
    id: 'cp-global',
    name: 'Global',
    mode: 'global',
    partition: 'aws',
    homeLocation: 'us-east-1',
    managedLocations: ['us-east-1', 'ap-east-1'],
  });
  for (const [id, locationId] of [
    ['hkg-1', 'ap-east-1'],
    ['iad-1', 'us-east-1'],
  ]) {
    await service.estate.addCell({
      id,
      name: id,
      locationId,
      controlPlaneId: 'cp-global',
      lifecycle: 'active',
      isolation: 'pooled',
      accountId: '111122223333',
      specVersion: '2026.1',
      capacity: { tenants: 10, loadUnits: 100, quotas: {} },
    });
  }
  return {
    service,
    readiness,
    readinessStore,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
  };
}
