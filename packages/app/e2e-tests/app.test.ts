import { test, expect } from '@playwright/test';

test.beforeAll(async ({ request }) => {
  // The frontend answers before the backend has finished starting.
  await expect
    .poll(
      async () =>
        (await request.get('http://localhost:7007/.backstage/health/v1/readiness'))
          .status(),
      { timeout: 300_000, intervals: [1_000] },
    )
    .toBe(200);
});

test('a guest signs in and sees the catalog', async ({ page }) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  await expect(
    page.getByRole('heading', { name: 'Region Expansion Demo Catalog' }),
  ).toBeVisible();
  // The demo org and example entities are in the catalog table.
  await expect(page.getByRole('link', { name: 'example-website' })).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('catalog.png'),
    fullPage: true,
  });
});
