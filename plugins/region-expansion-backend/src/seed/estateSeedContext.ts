import { RegionExpansionEstateSeedContext } from '@region-expansion/plugin-region-expansion-node';
import { EstateService } from '../estate/EstateService';
import { EstateStore } from '../estate/EstateStore';
import { PlacementService } from '../placement/PlacementService';
import { ReadinessService } from '../readiness/ReadinessService';
import { TenantStore } from '../tenants/TenantStore';

/**
 * What seeders may do, over the backend's services: control planes and
 * cells through the estate's rules, tenants placed by the placement engine
 * and imported in one transaction, the footprint stored unless one is.
 */
export function estateSeedContext(options: {
  estateStore: Pick<EstateStore, 'countCells'>;
  tenantStore: Pick<TenantStore, 'importTenants'>;
  estate: Pick<EstateService, 'addControlPlane' | 'addCell'>;
  placement: Pick<PlacementService, 'placeBatch'>;
  readiness: Pick<ReadinessService, 'seedFootprint'>;
}): RegionExpansionEstateSeedContext {
  const { estateStore, tenantStore, estate, placement, readiness } = options;
  return {
    countCells: () => estateStore.countCells(),
    addControlPlane: controlPlane => estate.addControlPlane(controlPlane),
    addCell: cell => estate.addCell(cell),
    placeTenants: (tenants, cells) => placement.placeBatch(tenants, cells),
    importTenants: (tenants, importOptions) =>
      tenantStore.importTenants(tenants, importOptions),
    seedFootprint: (footprint, source) =>
      readiness.seedFootprint(footprint, source),
  };
}
