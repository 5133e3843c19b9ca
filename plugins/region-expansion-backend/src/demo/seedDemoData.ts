import { LoggerService } from '@backstage/backend-plugin-api';
import { EstateService } from '../estate/EstateService';
import { EstateStore } from '../estate/EstateStore';
import { PlacementService } from '../placement/PlacementService';
import { TenantStore } from '../tenants/TenantStore';
import { DEMO_CONTROL_PLANES, demoCells, demoTenants } from './syntheticEstate';

/**
 * Seeds the deterministic synthetic estate (control planes in four
 * partitions including aws-eusc, 53 cells in nine Regions, tenants
 * placed by the placement engine). Idempotent: does nothing when any cell
 * exists.
 */
export async function seedDemoData(options: {
  estateStore: EstateStore;
  tenantStore: TenantStore;
  estate: EstateService;
  placement: PlacementService;
  logger: LoggerService;
  tenants?: number;
}): Promise<void> {
  const { estate, placement, logger } = options;
  if ((await options.estateStore.countCells()) > 0) {
    logger.info('Region expansion demo data: cells exist, not seeding');
    return;
  }
  for (const controlPlane of DEMO_CONTROL_PLANES) {
    await estate.addControlPlane(controlPlane);
  }
  const cells = demoCells();
  for (const { partition: _p, usage: _u, ...cell } of cells) {
    await estate.addCell(cell);
  }
  const { tenants, reasons } = await placement.placeBatch(
    demoTenants(options.tenants ?? 2000),
    cells,
  );
  const result = await options.tenantStore.importTenants(tenants, {
    actor: 'region-expansion:demo-data',
    reasons,
  });
  logger.info(
    `Region expansion demo data: ${cells.length} cells, ${result.imported} tenants (${result.placed} placed)`,
  );
}
