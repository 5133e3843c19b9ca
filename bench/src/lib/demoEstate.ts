import type {
  Cell,
  ControlPlane,
  Location,
} from '@region-expansion/plugin-region-expansion-common';

/** Backend configuration that seeds the demo estate's control planes and cells, without tenants. */
export const DEMO_ESTATE_CONFIG = {
  regionExpansion: { demoData: { enabled: true, tenants: 0 } },
};

/** The estate a backend holds, as its API answers it. */
export interface ApiEstate {
  controlPlanes: ControlPlane[];
  cells: Cell[];
  /** The locations the cells are in. */
  locations: Location[];
}

/** A Region of the estate: its partition, control plane and cells by isolation. */
export interface EstateRegion {
  id: string;
  partition: string;
  controlPlaneId: string;
  pooled: number;
  dedicated: number;
}

/**
 * Reads control planes, cells and their locations through the API (`get`
 * answers a GET of a path below the plugin's base URL); throws when the
 * estate has no cells (the demo estate was not seeded).
 */
export async function readEstate(
  get: (path: string) => Promise<any>,
): Promise<ApiEstate> {
  const [controlPlanes, cells, locations] = await Promise.all([
    get('/control-planes'),
    get('/cells'),
    get('/locations'),
  ]);
  if (cells.items.length === 0)
    throw new Error(
      'the backend holds no cells: the demo estate (regionExpansion.demoData) was not seeded',
    );
  const used = new Set(cells.items.map((c: Cell) => c.locationId));
  return {
    controlPlanes: controlPlanes.items,
    cells: cells.items,
    locations: locations.items.filter((l: Location) => used.has(l.id)),
  };
}

/** The estate's Regions in the order of their first cell, with cell counts. */
export function estateRegions(estate: ApiEstate): EstateRegion[] {
  const regions = new Map<string, EstateRegion>();
  for (const cell of estate.cells) {
    const region = regions.get(cell.locationId) ?? {
      id: cell.locationId,
      partition: cell.partition,
      controlPlaneId: cell.controlPlaneId,
      pooled: 0,
      dedicated: 0,
    };
    region[cell.isolation] += 1;
    regions.set(cell.locationId, region);
  }
  return [...regions.values()];
}
