import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { screenshot, signInAsGuest, waitForBackendBeforeAll } from './portal';
import AxeBuilder from '@axe-core/playwright';
import unzipper from 'unzipper';

waitForBackendBeforeAll();

/** Fails on any axe violation of impact `serious` or `critical`. */
async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    }));
  expect(serious).toEqual([]);
}

test('Regions map → a Region → a cell → its tenants', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/region-expansion?cells=with');

  await expect(
    page.getByRole('heading', { name: 'Region Expansion' }),
  ).toBeVisible();
  await expect(page.getByText(/Showing \d+ of \d+ Regions/)).toBeVisible();
  // The map draws one focusable marker per Region with its readiness.
  await expect(
    page
      .getByRole('link', {
        name: /partition aws.*readiness (ready|pilot|blocked|unknown)/,
      })
      .first(),
  ).toBeVisible();
  await screenshot(page, 'regions');
  await expectNoSeriousA11yViolations(page);

  // Regions with cells only (from the URL): open the first one in the grid.
  const regionLink = page
    .getByRole('region', { name: /^Partition / })
    .getByRole('link')
    .first();
  const regionName = (await regionLink.textContent())?.trim() ?? '';
  await regionLink.click();
  await expect(
    page.getByRole('heading', { name: regionName, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByText('Readiness', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByText(/Readiness: (ready|pilot|blocked|unknown)/).first(),
  ).toBeVisible();
  await expect(page.getByText(/^Cells \(\d+\)$/)).toBeVisible();
  await expect(
    page.getByRole('form', { name: /^Assess infrastructure code against / }),
  ).toBeVisible();
  await screenshot(page, 'region');
  await expectNoSeriousA11yViolations(page);

  // A cell card's title links to the cell page. Skip the empty cells the
  // onboarding test registers in the same Region (ids `e2e-…`).
  const cellLink = page
    .locator('a[href*="/region-expansion/cells/"]')
    .filter({ hasNotText: /^e2e-/ })
    .first();
  const cellName = (await cellLink.textContent())?.trim() ?? '';
  await cellLink.click();
  await expect(page).toHaveURL(/\/region-expansion\/cells\//);
  await expect(page.getByText(cellName).first()).toBeVisible();
  await expect(
    page.getByRole('group', { name: /^Tenants: \d+ of \d+ used$/ }),
  ).toBeVisible();
  await screenshot(page, 'cell');

  await page.getByRole('link', { name: /tenants in this cell$/ }).click();
  await expect(page).toHaveURL(/\/region-expansion\/tenants\?cell=/);
  // The DataGrid's role=grid carries no name of its own in the browser.
  const table = page.getByRole('grid');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'tenants');
});

test('the what-if form shows cells to create and quotas to request', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/region-expansion/tenants');
  // The section opens on demand and says so in the URL.
  await page
    .getByRole('button', { name: 'What if new tenants arrive?' })
    .click();
  await expect(page).toHaveURL(/whatIf=open/);
  const form = page.getByRole('form', { name: 'What-if profile' });
  await expect(form).toBeVisible();
  await form.getByLabel('Number of tenants').fill('500');
  await form.getByRole('button', { name: 'Run what-if' }).click();
  const result = page.getByRole('region', { name: 'What-if result' });
  await expect(result).toBeVisible();
  await expect(
    result.getByRole('table', { name: 'Cells to create' }),
  ).toBeVisible();
  await screenshot(page, 'what-if');
});

test('the governance dashboard, filtered, with its evidence bundle', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/region-expansion/governance');
  await expect(
    page.getByRole('tab', { name: 'Governance', selected: true }),
  ).toBeVisible();

  const notEnabled = page.getByText(
    'Governance is not enabled in this backend',
  );
  const noData = page.getByText('No governance data yet');
  const filters = page.getByRole('form', { name: 'Governance filters' });
  await expect(notEnabled.or(noData).or(filters)).toBeVisible();

  if (!(await filters.isVisible())) {
    // No governance data in this backend: the empty state says what to configure.
    test.info().annotations.push({
      type: 'governance',
      description: 'empty state shown: no governance data in the demo backend',
    });
    await expect(
      page.getByText(/regionExpansion\.governance\.targets/),
    ).toBeVisible();
    await expect(page.getByText(/governance module/)).toBeVisible();
    await screenshot(page, 'governance-empty');
    await expectNoSeriousA11yViolations(page);
    return;
  }

  // Filter by the first severity that has findings: URL and panels follow.
  await filters.getByLabel('Severity').click();
  const option = page.getByRole('option').nth(1);
  const severity = ((await option.textContent()) ?? '').replace(
    / \(\d+\)$/,
    '',
  );
  await option.click();
  await expect(page).toHaveURL(new RegExp(`severity=${severity}`));
  await expect(page.getByText('Security Hub', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: /Security Hub findings by severity/ }),
  ).toBeVisible();
  await expect(page.getByText('Freshness per source')).toBeVisible();
  await screenshot(page, 'governance');
  await expectNoSeriousA11yViolations(page);

  const downloadButton = page.getByRole('button', {
    name: 'Download evidence bundle',
  });
  if (!(await downloadButton.isVisible())) {
    await expect(
      page.getByText(/region-expansion\.governance\.export/),
    ).toBeVisible();
    test.info().annotations.push({
      type: 'governance',
      description: 'the guest lacks region-expansion.governance.export',
    });
    return;
  }
  // Chromium streams the bundle to the file the user picks in its native
  // save dialog (showSaveFilePicker), which Playwright cannot answer: the
  // test stands in for the picked file and keeps every chunk the page
  // writes to it, so the fetch, the streaming and the progress are real.
  await page.evaluate(() => {
    const w = window as any;
    w.__evidence = { writes: [] as number[][], closed: false };
    w.showSaveFilePicker = async (options: { suggestedName: string }) => {
      w.__evidence.name = options.suggestedName;
      return {
        createWritable: async () => ({
          write: async (chunk: Uint8Array) => {
            w.__evidence.writes.push(Array.from(chunk));
          },
          close: async () => {
            w.__evidence.closed = true;
          },
          abort: async () => {
            w.__evidence.aborted = true;
          },
        }),
      };
    };
  });
  await downloadButton.click();
  await page.waitForFunction(() => (window as any).__evidence.closed === true);
  const saved: { name: string; writes: number[][]; aborted?: boolean } =
    await page.evaluate(() => (window as any).__evidence);
  expect(saved.name).toMatch(/^governance-evidence.*\.zip$/);
  expect(saved.aborted).toBeUndefined();
  const zip = Buffer.from(saved.writes.flat());
  writeFileSync(test.info().outputPath('evidence-bundle.zip'), zip);
  const archive = await unzipper.Open.buffer(zip);
  const entries = new Map<string, Buffer>();
  for (const entry of archive.files) {
    entries.set(entry.path, await entry.buffer());
  }
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  expect(manifest.filter).toMatchObject({ severity });
  expect(manifest.files.length).toBeGreaterThan(0);
  for (const file of manifest.files as Array<{
    path: string;
    sha256: string;
  }>) {
    const content = entries.get(file.path);
    expect(content, `${file.path} is in the archive`).toBeDefined();
    expect(createHash('sha256').update(content!).digest('hex')).toBe(
      file.sha256,
    );
  }
});
