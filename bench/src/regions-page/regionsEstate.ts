import {
  DEMO_CONTROL_PLANES,
  DEMO_REGIONS,
} from '@region-expansion/plugin-region-expansion-backend-module-demo';

/** One call to the plugin's API (method, path below its base URL, JSON body). */
export type ApiCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<any>;

type DemoRegion = (typeof DEMO_REGIONS)[number];
type BenchCell = { id: string; region: DemoRegion; dedicated: boolean };

/**
 * `count` cells spread over the demo estate's Regions by its cell counts
 * (the last Region takes the rest); every tenth is dedicated.
 */
function spreadCells(regions: DemoRegion[], count: number): BenchCell[] {
  const weight = (r: DemoRegion) => r.pooled + r.dedicated;
  const total = regions.reduce((a, r) => a + weight(r), 0);
  const cells: BenchCell[] = [];
  let i = 0;
  for (const region of regions) {
    const n =
      region === regions[regions.length - 1]
        ? count - cells.length
        : Math.round((count * weight(region)) / total);
    for (let k = 0; k < n; k++, i++) {
      cells.push({
        id: `bench-${String(i).padStart(5, '0')}`,
        region,
        dedicated: i % 10 === 9,
      });
    }
  }
  return cells;
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Loads an estate through the REST API: the demo estate's control planes,
 * `cells` cells in its Regions (weighted as the demo's) and `tenants`
 * tenants pinned to cells (silo tenants one per dedicated cell, pool
 * tenants round robin over the pooled ones).
 */
export async function seedEstate(
  call: ApiCall,
  size: { cells: number; tenants: number },
): Promise<{ cellsMs: number; tenantsMs: number; regions: number }> {
  for (const cp of DEMO_CONTROL_PLANES)
    await call('POST', '/control-planes', cp);
  const cells = spreadCells(DEMO_REGIONS, size.cells);
  const pooled = cells.filter(c => !c.dedicated);
  const dedicated = cells.filter(c => c.dedicated);
  if (pooled.length === 0)
    throw new Error(`${size.cells} cells leave no pooled cell`);
  const perPooled = Math.ceil(
    Math.max(0, size.tenants - dedicated.length) / pooled.length,
  );
  const t0 = Date.now();
  await pool(cells, 6, async c => {
    await call('POST', '/cells', {
      id: c.id,
      name: `${c.region.id} ${c.dedicated ? 'dedicated' : 'pooled'} ${c.id}`,
      locationId: c.region.id,
      controlPlaneId: c.region.controlPlaneId,
      lifecycle: 'active',
      isolation: c.dedicated ? 'dedicated' : 'pooled',
      accountId: String(300000000000 + Number(c.id.slice(6))),
      specVersion: '2026.1',
      capacity: c.dedicated
        ? { tenants: 1, loadUnits: 200, quotas: {} }
        : {
            tenants: perPooled + 10,
            loadUnits: (perPooled + 10) * 8,
            quotas: {},
          },
    });
  });
  const cellsMs = Date.now() - t0;

  // Tenants pinned to cells; residency names the partition.
  const rows: object[] = [];
  for (let i = 0; i < size.tenants; i++) {
    const silo = i < dedicated.length;
    const cell = silo
      ? dedicated[i]
      : pooled[(i - dedicated.length) % pooled.length];
    const partition = cell.region.partition;
    rows.push({
      id: `tenant-${String(i).padStart(6, '0')}`,
      name: `Tenant ${i}`,
      tier: silo ? 'silo' : 'pool',
      classification: ['public', 'internal', 'confidential'][i % 3],
      loadUnits: 1 + ((i * 5) % 8),
      ...(partition !== 'aws' ? { residencyPartition: partition } : {}),
      cellId: cell.id,
    });
  }
  const t1 = Date.now();
  // The most one POST /tenants/import takes.
  const CHUNK = 10_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await call('POST', '/tenants/import', rows.slice(i, i + CHUNK));
  }
  return {
    cellsMs,
    tenantsMs: Date.now() - t1,
    regions: new Set(cells.map(c => c.region.id)).size,
  };
}

/** What the Regions page asks for. */
export const REGIONS_CALLS = [
  '/partitions',
  '/locations',
  '/locations/summary',
  '/readiness',
];
/** What the tenants page asks for. */
export const TENANTS_CALLS = [...REGIONS_CALLS, '/tenants?offset=0&limit=50'];

/** The baseline: a page's API calls in parallel, from Node. */
export async function timeCalls(
  api: string,
  headers: Record<string, string>,
  paths: string[],
): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const bodies = await Promise.all(
    paths.map(async p => {
      const r = await fetch(`${api}${p}`, { headers });
      const text = await r.text();
      if (!r.ok) throw new Error(`GET ${p}: ${r.status}`);
      return text.length;
    }),
  );
  return {
    ms: performance.now() - t,
    bytes: bodies.reduce((a, b) => a + b, 0),
  };
}
