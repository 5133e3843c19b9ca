import { test, expect, type Page } from '@playwright/test';
import { signInAsGuest, waitForBackendBeforeAll } from './portal';

waitForBackendBeforeAll();

test('onboarding wizard creates a Region plan with planned cells', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // unique per run so the registered ids never collide with earlier runs
  const name = `e2e-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create');
  await page
    .getByRole('article')
    .filter({ hasText: 'New Regional application plane' })
    .getByRole('button', { name: 'Choose' })
    .click();

  // Target
  await page.getByLabel('Plan name').fill(name);
  await page.getByLabel(/Target location/).click();
  await page.getByRole('option', { name: /^eu-central-1 · / }).click();
  await expect(page.getByText(/AWS \(commercial\): /)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // Design: defaults (regional, pool, customer managed KMS)
  await page.getByRole('button', { name: 'Next' }).click();

  // Cells: defaults (2 pooled cells in one account)
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const link = page.getByRole('link', { name: 'Region plan' });
  await expect(link).toBeVisible({ timeout: 180_000 });
  await link.click();
  await expect(page).toHaveURL(/\/region-expansion\/regions\/eu-central-1$/);
  await expect(page.getByText(`${name}-cell-01`).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(`${name}-cell-02`).first()).toBeVisible();
});
