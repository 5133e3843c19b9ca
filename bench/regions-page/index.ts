/* eslint-disable no-console */
// `yarn bench regions-page`: starts its own backend (own port, own SQLite
// folder in a temp directory, no governance targets) that serves the
// production build of the app through the app-backend plugin, loads 5k cells
// and 100k tenants through the REST API as the guest (platform-admin in the
// embedded default), then measures in headless Chromium the time from
// navigation start until the Regions page and the tenants table are
// interactive (median of 5 after one warm-up). Baseline: the same API calls
// made from Node. Prints a summary and one JSON line.
//
// Flags: --cells N (5000), --tenants N (100000), --runs N (5),
// --port N (7300), --keep (leave the temp folder).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  DEMO_CONTROL_PLANES,
  DEMO_REGIONS,
} from '../../plugins/region-expansion-backend/src/demo/syntheticEstate';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const CELLS = flag('cells', 5_000);
const TENANTS = flag('tenants', 100_000);
const RUNS = flag('runs', 5);
const PORT = flag('port', 7300);
const KEEP = process.argv.includes('--keep');
const GOAL_MS = 2_000;
const BASE = `http://localhost:${PORT}`;
const API = `${BASE}/api/region-expansion`;
const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number) => Math.round(x);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

// ------------------------------------------------------------------ backend

function writeOverlay(dir: string): string {
  const file = path.join(dir, 'app-config.bench.yaml');
  // JSON is YAML. Arrays replace the base config's arrays.
  const overlay = {
    app: { baseUrl: BASE },
    backend: {
      baseUrl: BASE,
      listen: { port: PORT, host: '127.0.0.1' },
      cors: { origin: BASE },
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

async function waitReady(child: ChildProcess | undefined, timeoutMs: number) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error('backend exited');
    try {
      const r = await fetch(`${BASE}/.backstage/health/v1/readiness`);
      if (r.status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(1000);
  }
  throw new Error(`backend not ready within ${timeoutMs} ms`);
}

async function guestToken(): Promise<string> {
  const r = await fetch(`${BASE}/api/auth/guest/refresh?env=development`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!r.ok) throw new Error(`guest refresh: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/**
 * One API call. A reset connection (the dev backend restarts when watched
 * files change) waits for readiness and retries; a 409 on a retried create
 * means the first attempt landed.
 */
async function call(
  token: string,
  method: string,
  p: string,
  body?: unknown,
): Promise<any> {
  for (let attempt = 0; ; attempt++) {
    let r: Response;
    try {
      r = await fetch(`${API}${p}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      if (attempt >= 5) throw error;
      restarts += 1;
      await sleep(2000);
      await waitReady(undefined, 300_000);
      continue;
    }
    const text = await r.text();
    if (r.status === 409 && attempt > 0) return undefined;
    if (!r.ok) {
      throw new Error(`${method} ${p}: ${r.status} ${text.slice(0, 300)}`);
    }
    return text ? JSON.parse(text) : undefined;
  }
}
let restarts = 0;

// ------------------------------------------------------------------ estate

/** Cells are spread over the demo estate's Regions by its cell counts. */
const weight = (region: (typeof DEMO_REGIONS)[number]) =>
  region.pooled + region.dedicated;

type BenchCell = {
  id: string;
  region: (typeof DEMO_REGIONS)[number];
  dedicated: boolean;
};

/** Cells spread over the Regions by weight; every tenth is dedicated. */
function buildCells(): BenchCell[] {
  const total = DEMO_REGIONS.reduce((a, r) => a + weight(r), 0);
  const cells: BenchCell[] = [];
  let i = 0;
  for (const region of DEMO_REGIONS) {
    const n =
      region === DEMO_REGIONS[DEMO_REGIONS.length - 1]
        ? CELLS - cells.length
        : Math.round((CELLS * weight(region)) / total);
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

async function seed(token: string) {
  for (const cp of DEMO_CONTROL_PLANES)
    await call(token, 'POST', '/control-planes', cp);
  const cells = buildCells();
  const pooled = cells.filter(c => !c.dedicated);
  const dedicated = cells.filter(c => c.dedicated);
  const perPooled = Math.ceil((TENANTS - dedicated.length) / pooled.length);
  const t0 = Date.now();
  await pool(cells, 6, async c => {
    await call(token, 'POST', '/cells', {
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

  // Tenants pinned to cells: silo tenants one per dedicated cell, pool
  // tenants round-robin over pooled cells; residency names the partition.
  const rows: object[] = [];
  for (let i = 0; i < TENANTS; i++) {
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
  const CHUNK = 10_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await call(token, 'POST', '/tenants/import', rows.slice(i, i + CHUNK));
  }
  return { cellsMs, tenantsMs: Date.now() - t1 };
}

// ------------------------------------------------------------------ baseline

const REGIONS_CALLS = [
  '/partitions',
  '/locations',
  '/locations/summary',
  '/readiness',
];
const TENANTS_CALLS = [...REGIONS_CALLS, '/tenants?offset=0&limit=50'];

async function timeCalls(token: string, paths: string[]) {
  const t = performance.now();
  const bodies = await Promise.all(
    paths.map(async p => {
      const r = await fetch(`${API}${p}`, {
        headers: { authorization: `Bearer ${token}` },
      });
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

// ------------------------------------------------------------------ browser

/**
 * Where the time goes (ms from navigation start, in the page): DOM content
 * loaded, the page's data request sent and answered.
 */
function phaseTimes(apiPath: string) {
  const nav = performance.getEntriesByType(
    'navigation',
  )[0] as PerformanceNavigationTiming;
  const api = (
    performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  )
    .filter(e => e.name.includes(apiPath))
    .pop();
  // Main-thread tasks over 50 ms (recorded by the context's init script):
  // how much of the time before the request is script work on this CPU.
  const longTasks: Array<[number, number]> = (window as any).__longTasks ?? [];
  const apiStart = api?.startTime ?? -1;
  return {
    domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
    apiStart: Math.round(apiStart),
    apiEnd: Math.round(api?.responseEnd ?? -1),
    longTasksBeforeApiMs: longTasks
      .filter(([start]) => start < apiStart)
      .reduce((sum, [, duration]) => sum + duration, 0),
    longTasksAfterApiMs: longTasks
      .filter(([start]) => start >= apiStart)
      .reduce((sum, [, duration]) => sum + duration, 0),
  };
}

/** Records main-thread long tasks of every page for {@link phaseTimes}. */
function recordLongTasks() {
  const tasks: Array<[number, number]> = [];
  (window as any).__longTasks = tasks;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Navigation start → markers + grid in the DOM, a marker focused and clickable. */
async function measureRegions(page: Page) {
  await page.goto(`${BASE}/region-expansion`, { waitUntil: 'commit' });
  const marker = page.locator('.region-marker').first();
  await marker.waitFor({ state: 'visible', timeout: 60_000 });
  await page
    .locator('section[aria-label^="Partition "]')
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  const renderedMs = await page.evaluate(() => performance.now());
  await marker.focus();
  const focused = await marker.evaluate(el => el === document.activeElement);
  if (!focused) throw new Error('marker did not take focus');
  await marker.click({ trial: true, timeout: 10_000 });
  const interactiveMs = await page.evaluate(() => performance.now());
  const markers = await page.locator('.region-marker').count();
  const phases = await page.evaluate(
    phaseTimes,
    '/api/region-expansion/locations/summary',
  );
  return { interactiveMs, renderedMs, markers, phases };
}

/** Navigation start → first rows rendered and a sort click applied. */
async function measureTenants(page: Page) {
  await page.goto(`${BASE}/region-expansion/tenants`, { waitUntil: 'commit' });
  const rows = page.locator('.MuiDataGrid-row');
  await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
  const rowsMs = await page.evaluate(() => performance.now());
  const header = page.locator('[role="columnheader"][data-field="loadUnits"]');
  await header.click();
  await page
    .locator(
      '[role="columnheader"][data-field="loadUnits"][aria-sort="ascending"]',
    )
    .waitFor({ timeout: 10_000 });
  // The sort is applied when the rendered rows are in ascending order.
  await page.waitForFunction(() => {
    const cells = [
      ...document.querySelectorAll('.MuiDataGrid-row [data-field="loadUnits"]'),
    ].map(c => Number(c.textContent));
    return (
      cells.length > 0 && cells.every((v, i) => i === 0 || cells[i - 1] <= v)
    );
  });
  const interactiveMs = await page.evaluate(() => performance.now());
  const domRows = await rows.count();
  const footer = await page
    .locator('.MuiDataGrid-footerContainer')
    .first()
    .innerText({ timeout: 5_000 })
    .then(
      text => text.replace(/\s+/g, ' '),
      () => '',
    );
  const phases = await page.evaluate(
    phaseTimes,
    '/api/region-expansion/tenants?',
  );
  return { interactiveMs, rowsMs, domRows, footer: footer.trim(), phases };
}

async function signIn(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
  });
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('heading', { name: 'Region Expansion Demo Catalog' })
    .waitFor({ timeout: 60_000 });
  await page.close();
  return context;
}

// ------------------------------------------------------------------ main

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-regions-page-'));
  const dist = path.join(ROOT, 'packages/app/dist/index.html');
  if (!fs.existsSync(dist)) {
    throw new Error(
      'packages/app/dist is missing: run `yarn workspace app build` first (the bench measures the production build served by the backend)',
    );
  }
  if (!(await portFree(PORT)))
    throw new Error(`port ${PORT} is busy; pass --port`);
  const load = () => os.loadavg().map(x => Math.round(x * 100) / 100);
  const loadStart = load();
  console.log(
    `regions-page: ${CELLS} cells, ${TENANTS} tenants, ${RUNS} runs; temp ${dir}`,
  );
  console.log(`load average at start: ${loadStart.join(' ')}`);

  const overlay = writeOverlay(dir);
  const logFile = path.join(dir, 'backend.log');
  let backend: ChildProcess | undefined;
  let browser: Browser | undefined;
  let failed = false;
  const stop = () => {
    stopGroup(backend);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    const tStart = Date.now();
    backend = startBackend(overlay, logFile);
    await waitReady(backend, 600_000);
    console.log(
      `backend ready on ${BASE} in ${round(
        (Date.now() - tStart) / 1000,
      )} s (log ${logFile})`,
    );

    const token = await guestToken();
    const seeded = await seed(token);
    console.log(
      `seeded through the REST API: ${CELLS} cells in ${round(
        seeded.cellsMs / 1000,
      )} s, ${TENANTS} tenants in ${round(seeded.tenantsMs / 1000)} s`,
    );
    const check = await call(token, 'GET', '/tenants?offset=0&limit=1');
    const cellCount = (await call(token, 'GET', '/cells')).items.length;
    console.log(
      `backend holds ${cellCount} cells, ${check.totalCount} tenants`,
    );

    // Baseline: the page's API calls alone, from Node (warm-up + RUNS).
    await timeCalls(token, TENANTS_CALLS);
    const baseRegions: number[] = [];
    const baseTenants: number[] = [];
    let bytes = { regions: 0, tenants: 0 };
    for (let i = 0; i < RUNS; i++) {
      const a = await timeCalls(token, REGIONS_CALLS);
      const b = await timeCalls(token, TENANTS_CALLS);
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
    const context = await signIn(browser);
    // Warm-up (fills the HTTP cache with the bundle, JIT of the backend).
    for (const measure of [measureRegions, measureTenants]) {
      const page = await context.newPage();
      await measure(page);
      await page.close();
    }
    const regionsRuns: Awaited<ReturnType<typeof measureRegions>>[] = [];
    const tenantsRuns: Awaited<ReturnType<typeof measureTenants>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      let page = await context.newPage();
      regionsRuns.push(await measureRegions(page));
      await page.close();
      page = await context.newPage();
      tenantsRuns.push(await measureTenants(page));
      await page.close();
      const r = regionsRuns[i];
      const t = tenantsRuns[i];
      console.log(
        `run ${i + 1}: regions ${round(r.interactiveMs)} ms (rendered ${round(
          r.renderedMs,
        )}, ${r.markers} markers, DCL ${
          r.phases.domContentLoaded
        }, /locations/summary ${r.phases.apiStart}->${
          r.phases.apiEnd
        }); tenants ${round(t.interactiveMs)} ms (rows ${round(t.rowsMs)}, ${
          t.domRows
        } DOM rows, DCL ${t.phases.domContentLoaded}, /tenants ${
          t.phases.apiStart
        }->${t.phases.apiEnd}, "${
          t.footer
        }"); long tasks before/after the request: regions ${
          r.phases.longTasksBeforeApiMs
        }/${r.phases.longTasksAfterApiMs} ms, tenants ${
          t.phases.longTasksBeforeApiMs
        }/${t.phases.longTasksAfterApiMs} ms`,
      );
    }
    const loadEnd = load();
    const rMed = median(regionsRuns.map(r => r.interactiveMs));
    const tMed = median(tenantsRuns.map(t => t.interactiveMs));
    const domRows = Math.max(...tenantsRuns.map(t => t.domRows));
    const summary = {
      bench: 'regions-page',
      cells: cellCount,
      tenants: check.totalCount,
      goalMs: GOAL_MS,
      regionsPage: {
        medianMs: round(rMed),
        runs: regionsRuns.map(r => round(r.interactiveMs)),
        renderedMedianMs: round(median(regionsRuns.map(r => r.renderedMs))),
        markers: regionsRuns[0].markers,
        phases: regionsRuns.map(r => r.phases),
        ok: rMed < GOAL_MS,
      },
      tenantsTable: {
        medianMs: round(tMed),
        runs: tenantsRuns.map(t => round(t.interactiveMs)),
        firstRowsMedianMs: round(median(tenantsRuns.map(t => t.rowsMs))),
        domRows,
        footer: tenantsRuns[0].footer,
        phases: tenantsRuns.map(t => t.phases),
        ok: tMed < GOAL_MS && domRows <= 200,
      },
      baseline: {
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
        seedCellsMs: seeded.cellsMs,
        seedTenantsMs: seeded.tenantsMs,
        backendRestartsDuringSeed: restarts,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadavgStart: loadStart,
        loadavgEnd: loadEnd,
      },
    };
    console.log(
      `Regions page interactive: median ${round(rMed)} ms (goal < ${GOAL_MS}) ${
        rMed < GOAL_MS ? 'OK' : 'MISSED'
      }; API alone ${round(median(baseRegions))} ms (${bytes.regions} bytes)`,
    );
    console.log(
      `Tenants table interactive: median ${round(
        tMed,
      )} ms (goal < ${GOAL_MS}) ${
        tMed < GOAL_MS ? 'OK' : 'MISSED'
      }; ${domRows} DOM rows; API alone ${round(median(baseTenants))} ms`,
    );
    console.log(`load average at end: ${loadEnd.join(' ')}`);
    console.log(JSON.stringify(summary));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    stop();
    await sleep(1500);
    if (!KEEP && process.exitCode !== 1 && !failed) {
      fs.rmSync(dir, { recursive: true, force: true });
    } else {
      console.log(`kept ${dir}`);
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
