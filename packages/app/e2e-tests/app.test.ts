import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, waitForBackendBeforeAll } from './portal';

waitForBackendBeforeAll();

test('a guest signs in and sees the catalog', async ({ page }) => {
  await signInAsGuest(page);
  // The demo org and example entities are in the catalog table.
  await expect(
    page.getByRole('link', { name: 'example-website' }),
  ).toBeVisible();
  await screenshot(page, 'catalog');
});
