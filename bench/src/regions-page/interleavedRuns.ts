import type { BrowserContext, Page } from '@playwright/test';
import type { BenchLog } from '../lib/log';
import { median } from '../lib/stats';
import { measureCatalog, measureRegions, measureTenants } from './pageMeasures';

type CatalogRun = Awaited<ReturnType<typeof measureCatalog>>;
type RegionsRun = Awaited<ReturnType<typeof measureRegions>>;
type TenantsRun = Awaited<ReturnType<typeof measureTenants>>;

/** Every measured load of the three pages, in the order they were taken. */
export interface PageRuns {
  catalog: CatalogRun[];
  regions: RegionsRun[];
  tenants: TenantsRun[];
}

const round = (x: number) => Math.round(x);

async function onNewPage<T>(
  context: BrowserContext,
  measure: (page: Page, base: string) => Promise<T>,
  base: string,
): Promise<T> {
  const page = await context.newPage();
  try {
    return await measure(page, base);
  } finally {
    await page.close();
  }
}

/**
 * One warm-up load of each page, then `runs` rounds of catalog, Regions,
 * tenants, each on a new page of the signed-in context (warm HTTP cache), so
 * the baseline and the plugin's pages share the machine's state of the moment.
 */
export async function interleavedRuns(
  context: BrowserContext,
  base: string,
  runs: number,
  log: BenchLog,
): Promise<PageRuns> {
  await onNewPage(context, measureCatalog, base);
  await onNewPage(context, measureRegions, base);
  await onNewPage(context, measureTenants, base);
  const all: PageRuns = { catalog: [], regions: [], tenants: [] };
  for (let i = 0; i < runs; i++) {
    const c = await onNewPage(context, measureCatalog, base);
    const r = await onNewPage(context, measureRegions, base);
    const t = await onNewPage(context, measureTenants, base);
    all.catalog.push(c);
    all.regions.push(r);
    all.tenants.push(t);
    log(
      `run ${i + 1}: catalog ${round(c.interactiveMs)} ms (rendered ${round(
        c.renderedMs,
      )}, ${c.rows} rows, DCL ${c.phases.domContentLoaded}, entities ${
        c.phases.apiStart
      }->${c.phases.apiEnd}); regions ${round(
        r.interactiveMs,
      )} ms (rendered ${round(r.renderedMs)}, ${r.markers} markers, DCL ${
        r.phases.domContentLoaded
      }, /locations/summary ${r.phases.apiStart}->${
        r.phases.apiEnd
      }); tenants ${round(t.interactiveMs)} ms (rows ${round(
        t.rowsMs,
      )}, sorted ${round(t.sortedMs)}, ${t.domRows} DOM rows, DCL ${
        t.phases.domContentLoaded
      }, /tenants ${t.phases.apiStart}->${t.phases.apiEnd}, "${
        t.footer
      }"); long tasks before/after the request: catalog ${
        c.phases.longTasksBeforeApiMs
      }/${c.phases.longTasksAfterApiMs}, regions ${
        r.phases.longTasksBeforeApiMs
      }/${r.phases.longTasksAfterApiMs}, tenants ${
        t.phases.longTasksBeforeApiMs
      }/${t.phases.longTasksAfterApiMs} ms`,
    );
  }
  return all;
}

/** Median, spread and every run of one figure, in whole ms. */
export function figure(values: number[]) {
  return {
    medianMs: round(median(values)),
    minMs: round(Math.min(...values)),
    maxMs: round(Math.max(...values)),
    runs: values.map(round),
  };
}

/** A page's median as a multiple of the catalog page's (2 decimals). */
export function ratioTo(catalogMedianMs: number, pageMedianMs: number) {
  return Math.round((pageMedianMs / catalogMedianMs) * 100) / 100;
}
