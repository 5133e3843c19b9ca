import { test, expect } from '@playwright/test';
import { screenshot, waitForBackendBeforeAll } from './portal';

waitForBackendBeforeAll();

test('a guest signs in and sees the catalog', async ({ page }) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  await expect(
    page.getByRole('heading', { name: 'Region Expansion Demo Catalog' }),
  ).toBeVisible();
  // The demo org and example entities are in the catalog table.
  await expect(
    page.getByRole('link', { name: 'example-website' }),
  ).toBeVisible();
  await screenshot(page, 'catalog');
});
