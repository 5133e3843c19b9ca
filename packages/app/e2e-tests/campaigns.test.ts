import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, waitForBackendBeforeAll } from './portal';

waitForBackendBeforeAll();

// The demo module seeds this campaign on the portal's first start.
const CAMPAIGN_ID = 'launch-eusc-de-east-1';

test('Regions page → launch campaigns → the seeded campaign: gates, burn-up, time to revenue', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/region-expansion');
  await page.getByRole('link', { name: 'Launch campaigns' }).click();
  await expect(
    page.getByRole('heading', { name: 'Launch campaigns', level: 1 }),
  ).toBeVisible();

  const row = page
    .getByRole('table', { name: 'Launch campaigns' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: CAMPAIGN_ID }) });
  await expect(row).toContainText('eusc-de-east-1');
  await screenshot(page, 'campaigns');
  await row.getByRole('link', { name: CAMPAIGN_ID }).click();

  await expect(page).toHaveURL(
    new RegExp(`/region-expansion/campaigns/${CAMPAIGN_ID}$`),
  );
  await expect(
    page.getByRole('heading', { name: `Campaign ${CAMPAIGN_ID}` }),
  ).toBeVisible();
  // The seeded gates, each with a state.
  const gates = page.getByRole('table', { name: 'Gates' });
  for (const gate of [
    'readiness-level',
    'no-unwaived-blockers',
    'cost-approved',
  ]) {
    await expect(
      gates.getByRole('row').filter({ hasText: gate }),
    ).toContainText(/passed|failed|unknown/);
  }
  await expect(
    page.getByRole('img', {
      name: /^Burn-up to the target date \d{4}-\d{2}-\d{2}/,
    }),
  ).toBeVisible();
  await expect(
    page.getByText('Time to revenue', { exact: true }),
  ).toBeVisible();
  // The first spend says where its date came from: Cost Explorer, or the
  // campaign start and why (the simulator may have no costs for the Region).
  await expect(
    page.getByText(
      /^First spend: \d{4}-\d{2}-\d{2}, from (Cost Explorer|the campaign start: .+)$/,
    ),
  ).toBeVisible();
  await screenshot(page, 'campaign');
});
