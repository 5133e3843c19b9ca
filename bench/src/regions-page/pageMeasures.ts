import type { Browser, Page } from '@playwright/test';

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
export async function measureTenants(page: Page, base: string) {
  await page.goto(`${base}/region-expansion/tenants`, { waitUntil: 'commit' });
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
