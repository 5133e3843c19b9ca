import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { OptionsOf, regionsPageOptions, withDefaults } from '../benchOptions';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { REPOSITORY_DIR } from '../lib/paths';
import { median } from '../lib/stats';
import {
  initialScripts,
  pageChunks,
  pluginChunks,
  scriptBytes,
} from './bundleSizes';
import {
  figure,
  interleavedRuns,
  type PageRuns,
  ratioTo,
} from './interleavedRuns';
import { signIn } from './pageMeasures';
import {
  REGIONS_CALLS,
  seedEstate,
  TENANTS_CALLS,
  timeCalls,
} from './regionsEstate';

/** Options of {@link runRegionsPageBench}. */
export type RegionsPageBenchOptions = OptionsOf<typeof regionsPageOptions>;

/** The plugin's pages may take at most this multiple of the catalog page's time. */
const GOAL_RATIO = 1.0;
const ROOT = REPOSITORY_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const round = (x: number) => Math.round(x);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function writeOverlay(dir: string, base: string, port: number): string {
  const file = path.join(dir, 'app-config.bench.yaml');
  // JSON is YAML. Arrays replace the base config's arrays.
  const overlay = {
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { port, host: '127.0.0.1' },
      cors: { origin: base },
      database: {
        client: 'better-sqlite3',
        connection: { directory: path.join(dir, 'sqlite') },
      },
    },
    regionExpansion: {
      scaffolder: { outputDirectory: path.join(dir, 'generated') },
      demoData: { enabled: false },
      import: { maxBodySize: '50mb' },
      readiness: {
        schedule: {
          frequency: { hours: 12 },
          timeout: { minutes: 10 },
          initialDelay: { hours: 1 },
        },
      },
      // No simulator and no targets: governance is not part of this page.
      governance: { endpoint: 'http://127.0.0.1:9', targets: [] },
    },
  };
  fs.writeFileSync(file, JSON.stringify(overlay, null, 2));
  return file;
}

function startBackend(overlay: string, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  // Not `yarn workspace backend start`: that runs under the CLI's watcher,
  // which restarts the backend (and drops the bench's requests) whenever
  // anyone edits a watched file in this shared checkout. Same entry point and
  // transform, without the watcher. Own process group, so stopping is clean.
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      overlay,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
}

function stopGroup(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

async function waitReady(
  base: string,
  child: ChildProcess | undefined,
  timeoutMs: number,
) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error('backend exited');
    try {
      const r = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (r.status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(1000);
  }
  throw new Error(`backend not ready within ${timeoutMs} ms`);
}

async function guestToken(base: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/guest/refresh?env=development`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!r.ok) throw new Error(`guest refresh: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/**
 * The app's initial JavaScript, the plugin's on-demand chunks, and what each
 * page loaded beyond the initial scripts (from its resource timing), read
 * from the build's files.
 */
function bundleFigures(distDir: string, runs: PageRuns) {
  const loaded = (scripts: string[]) =>
    scriptBytes(distDir, pageChunks(distDir, scripts));
  return {
    what: 'KB of packages/app/dist files; gzip -9 per file, summed',
    initial: scriptBytes(distDir, initialScripts(distDir)),
    pluginChunks: scriptBytes(distDir, pluginChunks(distDir)),
    pages: {
      catalog: loaded(runs.catalog[0].phases.scripts),
      regions: loaded(runs.regions[0].phases.scripts),
      tenants: loaded(runs.tenants[0].phases.scripts),
    },
  };
}

/**
 * `yarn bench regions-page`: starts its own backend (own port, own SQLite
 * folder in a temp directory, no demo data, no governance targets) that
 * serves the production build of the app through the app-backend plugin,
 * loads the cells (in the demo estate's Regions) and tenants through the
 * REST API as the guest (platform-admin in the embedded default), then
 * measures in headless Chromium the time from navigation start until the
 * Regions page and the tenants table are interactive, against the stock
 * catalog index page of the same build and backend (the baseline),
 * interleaved, medians of the runs after one warm-up each. Also: the same
 * API calls made from Node, and the build's JavaScript sizes.
 */
export async function runRegionsPageBench(
  options: RegionsPageBenchOptions,
  log: BenchLog,
) {
  const {
    cells: CELLS,
    tenants: TENANTS,
    runs: RUNS,
    port: PORT,
  } = withDefaults(regionsPageOptions, options);
  const BASE = `http://localhost:${PORT}`;
  const API = `${BASE}/api/region-expansion`;
  return measuredRun('regions-page', log, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-regions-page-'));
    const distDir = path.join(ROOT, 'packages/app/dist');
    if (!fs.existsSync(path.join(distDir, 'index.html'))) {
      throw new Error(
        'packages/app/dist is missing: run `yarn workspace app build` first (the bench measures the production build served by the backend)',
      );
    }
    if (!(await portFree(PORT)))
      throw new Error(`port ${PORT} is busy; pass --port`);
    log(
      `regions-page: ${CELLS} cells, ${TENANTS} tenants, ${RUNS} runs; temp ${dir}`,
    );

    const overlay = writeOverlay(dir, BASE, PORT);
    const logFile = path.join(dir, 'backend.log');
    let backend: ChildProcess | undefined;
    let browser: Browser | undefined;
    let failed = false;
    let restarts = 0;
    const onSignal = () => {
      stopGroup(backend);
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const tStart = Date.now();
      backend = startBackend(overlay, logFile);
      await waitReady(BASE, backend, 600_000);
      log(
        `backend ready on ${BASE} in ${round(
          (Date.now() - tStart) / 1000,
        )} s (log ${logFile})`,
      );

      const token = await guestToken(BASE);
      const auth = { authorization: `Bearer ${token}` };
      /**
       * One API call. A reset connection (a backend restart) waits for
       * readiness and retries; a 409 on a retried create means the first
       * attempt landed.
       */
      const call = async (method: string, p: string, body?: unknown) => {
        for (let attempt = 0; ; attempt++) {
          let r: Response;
          try {
            r = await fetch(`${API}${p}`, {
              method,
              headers: {
                ...auth,
                ...(body ? { 'content-type': 'application/json' } : {}),
              },
              body: body ? JSON.stringify(body) : undefined,
            });
          } catch (error) {
            if (attempt >= 5) throw error;
            restarts += 1;
            await sleep(2000);
            await waitReady(BASE, undefined, 300_000);
            continue;
          }
          const text = await r.text();
          if (r.status === 409 && attempt > 0) return undefined;
          if (!r.ok) {
            throw new Error(
              `${method} ${p}: ${r.status} ${text.slice(0, 300)}`,
            );
          }
          return text ? JSON.parse(text) : undefined;
        }
      };
      const seeded = await seedEstate(call, { cells: CELLS, tenants: TENANTS });
      log(
        `seeded through the REST API: ${CELLS} cells in ${round(
          seeded.cellsMs / 1000,
        )} s, ${TENANTS} tenants in ${round(seeded.tenantsMs / 1000)} s`,
      );
      const check = await call('GET', '/tenants?offset=0&limit=1');
      const cellCount = (await call('GET', '/cells')).items.length;
      log(`backend holds ${cellCount} cells, ${check.totalCount} tenants`);

      // The pages' API calls alone, from Node (warm-up + RUNS).
      await timeCalls(API, auth, TENANTS_CALLS);
      const baseRegions: number[] = [];
      const baseTenants: number[] = [];
      let bytes = { regions: 0, tenants: 0 };
      for (let i = 0; i < RUNS; i++) {
        const a = await timeCalls(API, auth, REGIONS_CALLS);
        const b = await timeCalls(API, auth, TENANTS_CALLS);
        baseRegions.push(a.ms);
        baseTenants.push(b.ms);
        bytes = { regions: a.bytes, tenants: b.bytes };
      }

      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
        ],
      });
      const context = await signIn(browser, BASE);
      const runs = await interleavedRuns(context, BASE, RUNS, log);
      const catalog = figure(runs.catalog.map(c => c.interactiveMs));
      const regions = figure(runs.regions.map(r => r.interactiveMs));
      const tenants = figure(runs.tenants.map(t => t.interactiveMs));
      const regionsRatio = ratioTo(catalog.medianMs, regions.medianMs);
      const tenantsRatio = ratioTo(catalog.medianMs, tenants.medianMs);
      const domRows = Math.max(...runs.tenants.map(t => t.domRows));
      const spread = (f: typeof catalog) => `${f.minMs}–${f.maxMs}`;
      log(
        `Catalog page (baseline, same build and backend) interactive: median ${
          catalog.medianMs
        } ms (${spread(catalog)})`,
      );
      log(
        `Regions page interactive: median ${regions.medianMs} ms (${spread(
          regions,
        )}), ${regionsRatio}× the catalog page (goal ≤ ${GOAL_RATIO}×) ${
          regionsRatio <= GOAL_RATIO ? 'OK' : 'NOT MET'
        }; API alone ${round(median(baseRegions))} ms (${bytes.regions} bytes)`,
      );
      log(
        `Tenants table interactive: median ${tenants.medianMs} ms (${spread(
          tenants,
        )}), ${tenantsRatio}× the catalog page (goal ≤ ${GOAL_RATIO}×) ${
          tenantsRatio <= GOAL_RATIO ? 'OK' : 'NOT MET'
        }; ${domRows} DOM rows; API alone ${round(median(baseTenants))} ms`,
      );
      const bundle = bundleFigures(distDir, runs);
      log(
        `initial JS ${bundle.initial.rawKb} KB raw / ${bundle.initial.gzipKb} KB gzip (${bundle.initial.files} files); plugin chunks ${bundle.pluginChunks.rawKb} / ${bundle.pluginChunks.gzipKb} KB (${bundle.pluginChunks.files}); loaded beyond the initial JS: catalog ${bundle.pages.catalog.rawKb}, Regions ${bundle.pages.regions.rawKb}, tenants ${bundle.pages.tenants.rawKb} KB raw`,
      );
      return {
        cells: cellCount,
        tenants: check.totalCount,
        goal: `interactive in ≤ ${GOAL_RATIO}× the catalog page's median`,
        order: 'warm-up of each page, then catalog, Regions, tenants per round',
        catalogPage: {
          ...catalog,
          renderedMedianMs: round(median(runs.catalog.map(c => c.renderedMs))),
          rows: runs.catalog[0].rows,
          phases: runs.catalog.map(({ phases: { scripts, ...p } }) => p),
        },
        regionsPage: {
          ...regions,
          ratioToCatalog: regionsRatio,
          renderedMedianMs: round(median(runs.regions.map(r => r.renderedMs))),
          markers: runs.regions[0].markers,
          phases: runs.regions.map(({ phases: { scripts, ...p } }) => p),
          ok: regionsRatio <= GOAL_RATIO,
        },
        tenantsTable: {
          ...tenants,
          ratioToCatalog: tenantsRatio,
          firstRowsMedianMs: round(median(runs.tenants.map(t => t.rowsMs))),
          sortedMedianMs: round(median(runs.tenants.map(t => t.sortedMs))),
          domRows,
          footer: runs.tenants[0].footer,
          phases: runs.tenants.map(({ phases: { scripts, ...p } }) => p),
          ok: tenantsRatio <= GOAL_RATIO && domRows <= 200,
        },
        bundle,
        apiAlone: {
          what: 'same API calls, in parallel, fetched from Node with the guest token',
          regionsApiMedianMs: round(median(baseRegions)),
          tenantsApiMedianMs: round(median(baseTenants)),
          regionsApiBytes: bytes.regions,
          tenantsApiBytes: bytes.tenants,
        },
        setup: {
          serving:
            'production app build served by the backend (app-backend), one port',
          port: PORT,
          cache:
            'warm HTTP cache (same signed-in context, new page per run, after one warm-up)',
          estate: `${CELLS} cells in the demo estate's ${seeded.regions} Regions`,
          seedCellsMs: seeded.cellsMs,
          seedTenantsMs: seeded.tenantsMs,
          backendRestartsDuringSeed: restarts,
        },
      };
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await browser?.close().catch(() => undefined);
      stopGroup(backend);
      await sleep(1500);
      if (!options.keep && !failed) {
        fs.rmSync(dir, { recursive: true, force: true });
      } else {
        log(`kept ${dir}`);
      }
    }
  });
}
