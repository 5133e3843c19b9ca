// The installation proof's checks, in Chromium (@playwright/test, Debian's
// browser at CHROMIUM_PATH), against the fresh app that scripts/install-proof
// started: each check is run even when an earlier one failed, screenshotted
// into SCREENSHOT_DIR, and named in the summary; exits 1 when any failed.
// env: APP_URL, BACKEND_URL, SCREENSHOT_DIR, CHROMIUM_PATH
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const APP_URL = process.env.APP_URL;
const BACKEND_URL = process.env.BACKEND_URL;
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 60_000;
// A cell of the proof's own, in a reference location the bundled snapshot
// has, so the catalog module turns it (and its Region) into resources.
const LOCATION_ID = 'eu-central-1';
const CONTROL_PLANE = {
  id: 'cp-install-proof',
  name: 'Install proof',
  mode: 'regional',
  partition: 'aws',
  homeLocation: LOCATION_ID,
  managedLocations: [LOCATION_ID],
};
const CELL = {
  id: 'eu-central-1-proof',
  name: 'Install proof cell',
  locationId: LOCATION_ID,
  controlPlaneId: CONTROL_PLANE.id,
  isolation: 'pooled',
  accountId: '111122223333',
  specVersion: '2026.1',
  capacity: { tenants: 10, loadUnits: 100 },
};

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function poll(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
  throw new Error(
    `${what} within ${timeoutMs / 1000} s${
      last ? ` (last: ${last.message})` : ''
    }`,
  );
}

/** Signs in through the app's guest sign-in (when it shows one), returns a Backstage token. */
async function signInAsGuest(page) {
  await page.goto(APP_URL);
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalog = page.getByRole('link', { name: 'Catalog' }).first();
  await enter
    .or(catalog)
    .first()
    .waitFor({ timeout: TIMEOUT * 3 });
  if (await enter.isVisible()) await enter.click();
  await catalog.waitFor({ timeout: TIMEOUT });
  const identity = await page.evaluate(async backend => {
    const response = await fetch(
      `${backend}/api/auth/guest/refresh?env=development`,
      {
        credentials: 'include',
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      },
    );
    return { status: response.status, body: await response.json() };
  }, BACKEND_URL);
  const token = identity.body?.backstageIdentity?.token;
  expect(
    token,
    `guest sign-in gave no token (refresh answered ${identity.status})`,
  );
  return token;
}

async function api(request, token, method, path, body) {
  const response = await request.fetch(`${BACKEND_URL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status(), json, text };
}

const checks = [
  {
    name: 'backend answers /api/region-expansion/locations for a signed-in guest (migrations ran)',
    shot: 'api-locations',
    async run({ page, token }) {
      const { status, json, text } = await api(
        page.request,
        token,
        'GET',
        '/api/region-expansion/locations',
      );
      expect(
        status === 200,
        `GET /api/region-expansion/locations answered ${status}: ${text.slice(
          0,
          300,
        )}`,
      );
      const ids = (json?.items ?? []).map(l => l.id);
      for (const id of [LOCATION_ID, 'eusc-de-east-1']) {
        expect(
          ids.includes(id),
          `the locations lack the reference location ${id} (got ${ids.length} locations)`,
        );
      }
      await page.setContent(
        `<h1>GET /api/region-expansion/locations: ${status}</h1><p>${
          ids.length
        } locations</p><pre>${ids.join(' ')}</pre>`,
      );
      return `${ids.length} reference locations`;
    },
  },
  {
    name: 'the Regions page renders, reached through its nav item',
    shot: 'regions-page',
    async run({ page }) {
      await page.goto(APP_URL);
      const navItem = page.getByRole('link', { name: 'Regions', exact: true });
      await navItem
        .first()
        .waitFor({ timeout: TIMEOUT })
        .catch(() => {
          throw new Error('the sidebar has no "Regions" nav item');
        });
      await navItem.first().click();
      await page.waitForURL(/\/region-expansion/, { timeout: TIMEOUT });
      await page
        .getByText(/Showing \d+ of \d+ Regions/)
        .waitFor({ timeout: TIMEOUT });
      return page.url();
    },
  },
  {
    name: 'the entity cards render on a cell resource (and on its Region)',
    shot: 'entity-cards',
    async run({ page, token }) {
      const plane = await api(
        page.request,
        token,
        'POST',
        '/api/region-expansion/control-planes',
        CONTROL_PLANE,
      );
      expect(
        [201, 409].includes(plane.status),
        `creating a control plane answered ${plane.status}: ${plane.text.slice(
          0,
          300,
        )}`,
      );
      const cell = await api(
        page.request,
        token,
        'POST',
        '/api/region-expansion/cells',
        CELL,
      );
      expect(
        [201, 409].includes(cell.status),
        `creating a cell answered ${cell.status}: ${cell.text.slice(0, 300)}`,
      );
      // The catalog module reads cells on its schedule: run its task now, as
      // an operator would, through the scheduler's endpoint.
      const tasks = await api(
        page.request,
        token,
        'GET',
        '/api/catalog/.backstage/scheduler/v1/tasks',
      );
      const task = (tasks.json?.tasks ?? []).find(t =>
        /RegionExpansionEntityProvider/.test(t.taskId),
      );
      expect(
        task,
        `the catalog has no RegionExpansionEntityProvider task (tasks: ${
          tasks.status
        } ${tasks.text.slice(0, 200)})`,
      );
      const trigger = await api(
        page.request,
        token,
        'POST',
        `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
          task.taskId,
        )}/trigger`,
      );
      expect(
        [200, 204, 409].includes(trigger.status),
        `triggering ${task.taskId} answered ${trigger.status}`,
      );
      const entity = await poll(
        `the catalog shows no cell resource for ${CELL.id}`,
        async () => {
          const found = await api(
            page.request,
            token,
            'GET',
            '/api/catalog/entities/by-query?filter=kind=resource,spec.type=cell',
          );
          return (found.json?.items ?? []).find(
            e =>
              e.metadata?.annotations?.['region-expansion.io/cell'] === CELL.id,
          );
        },
        180_000,
      );
      await page.goto(
        `${APP_URL}/catalog/default/resource/${entity.metadata.name}`,
      );
      await page
        .getByRole('group', { name: /^Tenants: \d+ of \d+ used$/ })
        .first()
        .waitFor({ timeout: TIMEOUT })
        .catch(() => {
          throw new Error(
            `the cell page /catalog/default/resource/${entity.metadata.name} shows no cell capacity card`,
          );
        });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, 'cell-entity.png'),
        fullPage: true,
      });
      await page.goto(`${APP_URL}/catalog/default/resource/${LOCATION_ID}`);
      await page
        .getByText('Region readiness')
        .first()
        .waitFor({ timeout: TIMEOUT })
        .catch(() => {
          throw new Error(
            `the Region page /catalog/default/resource/${LOCATION_ID} shows no "Region readiness" card`,
          );
        });
      return `cell ${entity.metadata.name}`;
    },
  },
  {
    name: "the onboarding template's RegionPicker renders (a picker, not a text box)",
    shot: 'region-picker',
    async run({ page }) {
      await page.goto(`${APP_URL}/create`);
      const heading = page.getByRole('heading', {
        name: 'New Regional application plane',
      });
      await heading
        .first()
        .waitFor({ timeout: TIMEOUT })
        .catch(() => {
          throw new Error(
            '/create lists no "New Regional application plane" template',
          );
        });
      const choose = page.getByRole('button', { name: 'Choose' });
      await page
        .locator('div')
        .filter({ has: heading })
        .filter({ has: choose })
        .last()
        .getByRole('button', { name: 'Choose' })
        .click();
      const picker = page.getByRole('combobox', { name: 'Target location' });
      await picker.waitFor({ timeout: TIMEOUT }).catch(async () => {
        const bare = await page
          .getByRole('textbox', { name: /Target location/ })
          .count();
        throw new Error(
          bare
            ? 'Target location is a bare text box: the RegionPicker field is not installed'
            : 'the template shows no Target location field',
        );
      });
      await picker.click();
      await page
        .getByRole('option', { name: new RegExp(`^${LOCATION_ID} · `) })
        .waitFor({ timeout: TIMEOUT });
      return 'RegionPicker lists the locations';
    },
  },
];

async function main() {
  for (const [key, value] of Object.entries({
    APP_URL,
    BACKEND_URL,
    SCREENSHOT_DIR,
  })) {
    expect(value, `${key} is not set`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(TIMEOUT);
  const results = [];
  let token;
  try {
    token = await signInAsGuest(page);
  } catch (error) {
    results.push({ name: 'guest sign-in', error });
  }
  for (const [index, check] of checks.entries()) {
    if (!token) break;
    try {
      const detail = await check.run({ page, token });
      results.push({ name: check.name, detail });
    } catch (error) {
      results.push({ name: check.name, error });
    }
    const shot = join(SCREENSHOT_DIR, `${index + 1}-${check.shot}.png`);
    await page
      .screenshot({ path: shot, fullPage: true })
      .catch(() => undefined);
  }
  await browser.close();
  for (const result of results) {
    console.log(
      result.error
        ? `    FAIL  ${result.name}: ${result.error.message.split('\n')[0]}`
        : `    pass  ${result.name} (${result.detail})`,
    );
  }
  console.log(`    screenshots: ${SCREENSHOT_DIR}`);
  const failed =
    results.filter(r => r.error).length + (token ? 0 : checks.length);
  console.log(
    `${
      results.length - results.filter(r => r.error).length
    } passed, ${failed} failed`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(`error: install proof checks: ${error.message}`);
  process.exit(1);
});
