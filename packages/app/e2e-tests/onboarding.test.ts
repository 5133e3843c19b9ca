import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, waitForBackendBeforeAll } from './portal';

waitForBackendBeforeAll();

test('onboarding wizard creates a Region plan with planned cells', async ({
  page,
}) => {
  // The task runs seven steps, an assessment and a CDK render among them.
  test.setTimeout(300_000);
  // Unique per run, so the registered ids never collide with earlier runs.
  const name = `e2e-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create');

  // The template grid is one article around every card: the innermost
  // element holding both this template's heading and a Choose button is its
  // card.
  const chooseButton = page.getByRole('button', { name: 'Choose' });
  const card = page
    .locator('div')
    .filter({
      has: page.getByRole('heading', {
        name: 'New Regional application plane',
      }),
    })
    .filter({ has: chooseButton })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click();

  // Target: the RegionPicker lists locations by partition and says what the
  // chosen one covers.
  const planName = page.getByRole('textbox', { name: 'Plan name' });
  await expect(planName).toBeVisible();
  await planName.fill(name);
  await page.getByRole('combobox', { name: 'Target location' }).click();
  await page.getByRole('option', { name: /^eu-central-1 · / }).click();
  await expect(
    page.getByText(/^AWS \(commercial\): footprint .*; readiness \w+$/),
  ).toBeVisible();
  await screenshot(page, 'onboarding-target');
  await page.getByRole('button', { name: 'Next' }).click();

  // Design: defaults (regional control plane, bridge, customer managed KMS),
  // as the default confidential classification needs.
  await expect(
    page.getByRole('button', { name: 'Control-plane mode regional' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // Cells: defaults (2 pooled cells in one account).
  await expect(
    page.getByRole('spinbutton', { name: 'Number of cells' }),
  ).toHaveValue('2');
  await page.getByRole('button', { name: 'Review' }).click();

  await expect(
    page.getByRole('row', { name: `Plan name ${name}` }),
  ).toBeVisible();
  await expect(
    page.getByRole('row', { name: 'Target location eu-central-1' }),
  ).toBeVisible();
  await screenshot(page, 'onboarding-review');
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page ends on the template's output: the assessment level, the
  // folder with the generated code and the link to the plan.
  const link = page.getByRole('link', { name: 'Region plan' });
  await expect(link).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText(/^Assessment level:/)).toBeVisible();
  // The output names the folder; the task log repeats it.
  await expect(
    page.getByText(new RegExp(`/generated/${name}$`)).first(),
  ).toBeVisible();
  await screenshot(page, 'onboarding-task');

  await link.click();
  await expect(page).toHaveURL(/\/region-expansion\/regions\/eu-central-1$/);
  await expect(page.getByText(`${name}-cell-01`).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(`${name}-cell-02`).first()).toBeVisible();
  await screenshot(page, 'onboarding-region-plan');
});
