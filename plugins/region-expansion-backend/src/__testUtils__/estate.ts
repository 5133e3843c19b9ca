import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { PlacementStrategy } from '@region-expansion/plugin-region-expansion-common';
import { ReadinessLookup } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { EstateService } from '../estate/EstateService';
import { EstateStore } from '../estate/EstateStore';
import { KnexEstateStore } from '../estate/KnexEstateStore';
import { KnexPlacementStore } from '../placement/KnexPlacementStore';
import { PlacementService } from '../placement/PlacementService';
import { PlacementStore } from '../placement/PlacementStore';
import { KnexRunbookProgressStore } from '../placement/KnexRunbookProgressStore';
import { RunbookProgressStore } from '../placement/RunbookProgressStore';
import { KnexTenantStore } from '../tenants/KnexTenantStore';
import { TenantService } from '../tenants/TenantService';
import { TenantStore } from '../tenants/TenantStore';

import { migrated } from './database';
import { cellFixture, controlPlaneFixture } from './fixtures';

export { migrated };

/** The estate's, tenants' and placement's stores. */
export interface EstateStores {
  estate: EstateStore;
  tenants: TenantStore;
  placements: PlacementStore;
  runbookProgress: RunbookProgressStore;
}

/** The Knex stores of the estate, tenants and placement over a migrated client. */
export function createEstateStores(client: Knex): EstateStores {
  return {
    estate: KnexEstateStore.create({ client }),
    tenants: KnexTenantStore.create({ client }),
    placements: KnexPlacementStore.create({ client }),
    runbookProgress: KnexRunbookProgressStore.create({ client }),
  };
}

/**
 * The estate's stores over a fresh, migrated database of `databases`
 * holding one control plane and two cells (`cell-fra-1`, `cell-dub-1`),
 * with the client for what a test reads directly.
 */
export async function seededEstateStores(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<EstateStores & { knex: Knex }> {
  const knex = await databases.init(databaseId);
  const stores = { knex, ...createEstateStores(await migrated(knex)) };
  await stores.estate.addControlPlane(controlPlaneFixture);
  await stores.estate.addCells([
    cellFixture(),
    cellFixture({
      id: 'cell-dub-1',
      name: 'Dublin 1',
      locationId: 'eu-west-1',
    }),
  ]);
  return stores;
}

/** The services over the stores, wired as `plugin.ts` wires them. */
export function createEstateServices(
  stores: EstateStores,
  options: {
    defaultStrategy?: PlacementStrategy;
    readiness?: () => Promise<ReadinessLookup>;
  } = {},
) {
  const estate = EstateService.create({ store: stores.estate });
  const placement = PlacementService.create({
    store: stores.placements,
    estate,
    tenants: stores.tenants,
    runbookProgress: stores.runbookProgress,
    ...options,
  });
  const tenants = TenantService.create({
    store: stores.tenants,
    estate,
    placement,
  });
  return { estate, placement, tenants };
}
