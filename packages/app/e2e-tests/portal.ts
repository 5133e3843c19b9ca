import { expect, test, type Page } from '@playwright/test';

// The backend beside the portal under test: ./scripts/portal's by default,
// another one (a portal started on other ports) through PLAYWRIGHT_BACKEND_URL.
const BACKEND_READINESS_URL = `${
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007'
}/.backstage/health/v1/readiness`;

/**
 * Waits, before a file's tests, until the backend is ready: the frontend
 * answers first, and a first start seeds the demo estate.
 */
export function waitForBackendBeforeAll() {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(360_000);
    await expect
      .poll(
        async () =>
          request.get(BACKEND_READINESS_URL).then(
            response => response.status(),
            () => 0,
          ),
        { timeout: 300_000, intervals: [1_000] },
      )
      .toBe(200);
  });
}

/**
 * Signs in as guest, as the demo portal's sign-in page offers, and waits for
 * the catalog so that the session is stored before the test navigates on.
 */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page.getByRole('heading', { name: 'Region Expansion Demo Catalog' }),
  ).toBeVisible();
}

/** Keeps a full-page screenshot of the current page as a CI artifact. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: test.info().outputPath(`${name}.png`),
    fullPage: true,
  });
}
