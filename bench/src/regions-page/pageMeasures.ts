import type { Browser, Locator, Page } from '@playwright/test';

// Functions passed to page.evaluate run in the browser: they use only what
// they are given and the page's globals.

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
    // The first: the page's own request, not one a later click made.
    .find(e => e.name.includes(apiPath));
  // Main-thread tasks over 50 ms (recorded by the context's init script):
  // how much of the time before the request is script work on this CPU.
  const longTasks: Array<[number, number]> = (window as any).__longTasks ?? [];
  const apiStart = api?.startTime ?? -1;
  // Every script the page loaded (cache hits included), to size its chunks.
  const scripts = performance
    .getEntriesByType('resource')
    .map(e => e.name)
    .filter(name => /\/static\/[^?]*\.js$/.test(name));
  return {
    scripts,
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

/** The main thread's first idle period from now, in ms from navigation start. */
function idleAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>(resolve =>
        requestIdleCallback(() => resolve(performance.now())),
      ),
  );
}

/**
 * "Interactive", the same for every page: its main content is rendered with
 * data, its first control passes Playwright's trial click (visible, stable
 * for two animation frames, enabled, hit by a click), then the main thread
 * reaches an idle period (`requestIdleCallback`): no task is queued ahead of
 * the user's input.
 */
async function interactiveAt(page: Page, control: Locator): Promise<number> {
  await control.click({ trial: true, timeout: 10_000 });
  return idleAt(page);
}

/** Navigation start → markers + grid in the DOM, a marker focused, clickable, idle. */
export async function measureRegions(page: Page, base: string) {
  await page.goto(`${base}/region-expansion`, { waitUntil: 'commit' });
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
  const interactiveMs = await interactiveAt(page, marker);
  const markers = await page.locator('.region-marker').count();
  const phases = await page.evaluate(
    phaseTimes,
    '/api/region-expansion/locations/summary',
  );
  return { interactiveMs, renderedMs, markers, phases };
}

/**
 * Navigation start → first rows rendered, the sort header clickable, idle
 * (interactive); then a sort click applied by the server (sorted).
 */
export async function measureTenants(page: Page, base: string) {
  await page.goto(`${base}/region-expansion/tenants`, { waitUntil: 'commit' });
  const rows = page.locator('.MuiDataGrid-row');
  await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
  const rowsMs = await page.evaluate(() => performance.now());
  const header = page.locator('[role="columnheader"][data-field="loadUnits"]');
  const interactiveMs = await interactiveAt(page, header);
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
  const sortedMs = await page.evaluate(() => performance.now());
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
  return {
    interactiveMs,
    rowsMs,
    sortedMs,
    domRows,
    footer: footer.trim(),
    phases,
  };
}

/** A row of the catalog's entity table (one with an entity link). */
const CATALOG_ROW = 'table tbody tr:has(a[href^="/catalog/"])';

/**
 * The stock catalog index page (`/catalog`, Backstage's own), the baseline:
 * navigation start → the entity table's first row with an entity link
 * rendered, that link clickable, idle.
 */
export async function measureCatalog(page: Page, base: string) {
  await page.goto(`${base}/catalog`, { waitUntil: 'commit' });
  const link = page.locator(`${CATALOG_ROW} a[href^="/catalog/"]`).first();
  await link.waitFor({ state: 'visible', timeout: 60_000 });
  const renderedMs = await page.evaluate(() => performance.now());
  const interactiveMs = await interactiveAt(page, link);
  const rows = await page.locator(CATALOG_ROW).count();
  const phases = await page.evaluate(phaseTimes, '/api/catalog/entities');
  return { interactiveMs, renderedMs, rows, phases };
}

export async function signIn(browser: Browser, base: string) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
  });
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('heading', { name: 'Region Expansion Demo Catalog' })
    .waitFor({ timeout: 60_000 });
  await page.close();
  return context;
}
