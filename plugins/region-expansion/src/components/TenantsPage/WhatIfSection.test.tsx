import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  WHAT_IF_LIMITS,
  type WhatIfRequestInput,
  type WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import { partitions } from '../../__testUtils__/fixtures';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  failRoute,
  recordBodies,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { WhatIfSection } from './WhatIfSection';

const server = setupTestServer();

/** The open section, its form started from the template cell. */
async function renderOpenSection() {
  await renderWithPlugin(
    <WhatIfSection partitions={partitions} open onOpenChange={() => {}} />,
  );
  return within(await screen.findByRole('region', { name: 'What-if' }));
}

describe('WhatIfSection', () => {
  it(`bounds the number of tenants by WHAT_IF_LIMITS (${WHAT_IF_LIMITS.tenants}) and says so before submitting`, async () => {
    const user = userEvent.setup();
    const sent = recordBodies<WhatIfRequestInput, WhatIfResult>(
      server,
      'post',
      '/placements/what-if',
      {
        requested: WHAT_IF_LIMITS.tenants,
        placedInExistingCells: 0,
        placedInNewCells: WHAT_IF_LIMITS.tenants,
        unplaceable: { count: 0, reasons: [] },
        cellsToCreate: [],
        quotaRequests: [],
      },
    );
    const whatIf = await renderOpenSection();
    const count = whatIf.getByRole('spinbutton', { name: 'Number of tenants' });
    expect(count).toHaveAttribute('min', '1');
    expect(count).toHaveAttribute('max', String(WHAT_IF_LIMITS.tenants));
    expect(count).toHaveAccessibleDescription('1 to 10,000 per what-if');

    await user.clear(count);
    await user.paste(String(WHAT_IF_LIMITS.tenants + 1));
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveAccessibleDescription(
      'At most 10,000 tenants in one what-if',
    );
    const run = whatIf.getByRole('button', { name: 'Run what-if' });
    expect(run).toBeDisabled();

    await user.clear(count);
    await user.paste(String(WHAT_IF_LIMITS.tenants));
    expect(count).toHaveAttribute('aria-invalid', 'false');
    await user.click(run);
    expect(
      await whatIf.findByRole('region', { name: 'What-if result' }),
    ).toBeInTheDocument();
    expect(sent.map(body => body.profiles[0].count)).toEqual([
      WHAT_IF_LIMITS.tenants,
    ]);
  });

  it('runs a what-if from the running cells’ spec and lists cells to create and quotas to request', async () => {
    const user = userEvent.setup();
    const sent = recordBodies<WhatIfRequestInput, WhatIfResult>(
      server,
      'post',
      '/placements/what-if',
      {
        requested: 30,
        placedInExistingCells: 20,
        placedInNewCells: 10,
        unplaceable: { count: 0, reasons: [] },
        cellsToCreate: [
          { locationId: 'eu-central-1', isolation: 'pooled', count: 1 },
        ],
        quotaRequests: [
          {
            serviceCode: 'lambda',
            quotaCode: 'L-B99A9384',
            quotaName: 'Concurrent executions',
            perCell: 3000,
            cellCount: 1,
            total: 3000,
          },
        ],
      },
    );
    const whatIf = await renderOpenSection();
    // One input event per field: what is sent, not keystroke handling, is
    // under test here.
    const entries: Array<['spinbutton' | 'textbox', string, string]> = [
      ['spinbutton', 'Number of tenants', '30'],
      ['textbox', 'Quota service code (optional)', 'lambda'],
      ['textbox', 'Quota code', 'L-B99A9384'],
      ['textbox', 'Quota name', 'Concurrent executions'],
      ['spinbutton', 'Per cell', '3000'],
    ];
    for (const [role, name, text] of entries) {
      await user.clear(whatIf.getByRole(role, { name }));
      await user.paste(text);
    }
    await user.click(whatIf.getByRole('button', { name: 'Run what-if' }));

    const cellsToCreate = await whatIf.findByRole('table', {
      name: 'Cells to create',
    });
    expect(within(cellsToCreate).getByText('eu-central-1')).toBeInTheDocument();
    const quotas = whatIf.getByRole('table', { name: 'Quotas to request' });
    expect(
      within(quotas).getByText('Concurrent executions (L-B99A9384)'),
    ).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0].profiles[0]).toMatchObject({ count: 30, tier: 'pool' });
    // The spec starts from the running cells' spec.
    expect(sent[0].spec).toMatchObject({
      version: '2025.1',
      isolation: 'pooled',
      capacity: { tenants: 100, loadUnits: 1000 },
      serviceQuotas: [{ serviceCode: 'lambda', perCell: 3000 }],
    });
  });

  it("shows the server's validation message for a rejected what-if", async () => {
    failRoute(server, 'post', '/placements/what-if', {
      status: 400,
      name: 'InputError',
      message: 'profiles.0.count: must be at least 1',
    });
    const whatIf = await renderOpenSection();
    await userEvent.click(whatIf.getByRole('button', { name: 'Run what-if' }));
    expect(
      (await whatIf.findAllByText('profiles.0.count: must be at least 1'))
        .length,
    ).toBeGreaterThan(0);
  });
});
