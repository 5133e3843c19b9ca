import type {
  Cell,
  CellIsolation,
  CellSpec,
  CellToCreate,
  Location,
  PlacementDecision,
  PlacementOptions,
  TenantProfile,
  WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import type { PlacementTenant, WhatIfOptions } from './placementTypes';
import { planQuotas } from './quotas';

/** What a what-if needs of the engine copy it runs on. */
export interface WhatIfPlacer {
  place(tenant: PlacementTenant, options: PlacementOptions): PlacementDecision;
  /** Adds an active cell built from the spec, and returns it. */
  addPlannedCell(toCreate: CellToCreate): Cell;
}

/** An active, empty cell of `spec`, the `ordinal`th cell of the engine. */
export function plannedCell(
  toCreate: CellToCreate,
  location: Location,
  spec: CellSpec,
  ordinal: number,
): Cell {
  return {
    id: `what-if-${toCreate.locationId}-${toCreate.isolation}-${ordinal}`,
    name: `new ${toCreate.isolation} cell in ${location.id}`,
    locationId: location.id,
    partition: location.partition,
    controlPlaneId: toCreate.controlPlaneId ?? '',
    lifecycle: 'active',
    isolation: toCreate.isolation,
    accountId: '000000000000',
    specVersion: toCreate.specVersion,
    capacity: {
      ...spec.capacity,
      // A dedicated cell belongs to exactly one tenant.
      tenants: toCreate.isolation === 'dedicated' ? 1 : spec.capacity.tenants,
    },
    usage: { tenants: 0, loadUnits: 0, quotas: {} },
  };
}

/**
 * Places every tenant of the profiles with `placer`, creating a cell from
 * `spec` where nothing fits, and counts where they went.
 */
export function runWhatIf(
  placer: WhatIfPlacer,
  profiles: TenantProfile[],
  spec: CellSpec,
  options: WhatIfOptions,
): WhatIfResult {
  const placeOptions: PlacementOptions = {
    strategy: options.strategy ?? 'pack',
    allowUnknownReadiness: options.allowUnknownReadiness ?? true,
    allowProvisioning: options.allowProvisioning ?? false,
    commit: true,
  };
  const newCellIds = new Set<string>();
  const cellsToCreate = new Map<
    string,
    { locationId: string; isolation: CellIsolation; count: number }
  >();
  const unplaceableReasons = new Set<string>();
  let requested = 0;
  let placedInExistingCells = 0;
  let placedInNewCells = 0;
  let unplaceable = 0;

  profiles.forEach((profile, profileIndex) => {
    for (let i = 0; i < profile.count; i++) {
      requested++;
      const tenant: PlacementTenant = {
        id: `what-if-${profileIndex}-${i}`,
        tier: profile.tier,
        residency: profile.residency,
        classification: profile.classification,
        loadUnits: profile.loadUnits,
        quotaUsage: profile.quotaUsage,
      };
      let decision = placer.place(tenant, placeOptions);
      if (decision.outcome === 'unplaceable' && decision.cellToCreate) {
        const created = placer.addPlannedCell(decision.cellToCreate);
        newCellIds.add(created.id);
        const key = `${created.locationId}|${created.isolation}`;
        const entry = cellsToCreate.get(key) ?? {
          locationId: created.locationId,
          isolation: created.isolation,
          count: 0,
        };
        entry.count++;
        cellsToCreate.set(key, entry);
        decision = placer.place(tenant, placeOptions);
      }
      if (decision.outcome === 'placed') {
        if (newCellIds.has(decision.cellId)) placedInNewCells++;
        else placedInExistingCells++;
      } else {
        unplaceable++;
        unplaceableReasons.add(
          `profile ${profileIndex}: ${decision.reason}`.replace(
            /tenant what-if-\d+-\d+/,
            'tenant',
          ),
        );
      }
    }
  });

  const toCreate = [...cellsToCreate.values()].sort(
    (a, b) =>
      a.locationId.localeCompare(b.locationId) ||
      a.isolation.localeCompare(b.isolation),
  );
  return {
    requested,
    placedInExistingCells,
    placedInNewCells,
    unplaceable: { count: unplaceable, reasons: [...unplaceableReasons] },
    cellsToCreate: toCreate,
    quotaRequests: planQuotas(spec, newCellIds.size),
  };
}
