import { LoggerService } from '@backstage/backend-plugin-api';
import { RegionExpansionStore } from '../database/RegionExpansionStore';
import { RegionExpansionService } from '../service/RegionExpansionService';
import { DEMO_CONTROL_PLANES, demoCells, demoTenants } from './syntheticEstate';

/**
 * Seeds the deterministic synthetic estate (control planes in four
 * partitions including aws-eusc, 53 cells in nine Regions, tenants
 * placed by the placement engine). Idempotent: does nothing when any cell
 * exists.
 */
export async function seedDemoData(options: {
  store: RegionExpansionStore;
  service: RegionExpansionService;
  logger: LoggerService;
  tenants?: number;
}): Promise<void> {
  const { store, service, logger } = options;
  if ((await store.countCells()) > 0) {
    logger.info('Region expansion demo data: cells exist, not seeding');
    return;
  }
  for (const controlPlane of DEMO_CONTROL_PLANES) {
    await service.addControlPlane(controlPlane);
  }
  const cells = demoCells();
  for (const { partition: _p, usage: _u, ...cell } of cells) {
    await service.addCell(cell);
  }
  const { tenants, reasons } = await service.placement.placeBatch(
    demoTenants(options.tenants ?? 2000),
    cells,
  );
  const result = await store.importTenants(tenants, {
    actor: 'region-expansion:demo-data',
    reasons,
  });
  logger.info(
    `Region expansion demo data: ${cells.length} cells, ${result.imported} tenants (${result.placed} placed)`,
  );
}
