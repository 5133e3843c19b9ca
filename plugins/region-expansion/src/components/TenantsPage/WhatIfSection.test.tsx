import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  WHAT_IF_LIMITS,
  type WhatIfRequestInput,
  type WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import {
  BASE_URL,
  partitions,
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { WhatIfSection } from './WhatIfSection';

const server = setupTestServer();

jest.setTimeout(30_000);

const result: WhatIfResult = {
  requested: WHAT_IF_LIMITS.tenants,
  placedInExistingCells: 0,
  placedInNewCells: WHAT_IF_LIMITS.tenants,
  unplaceable: { count: 0, reasons: [] },
  cellsToCreate: [],
  quotaRequests: [],
};

describe('WhatIfSection', () => {
  it(`bounds the number of tenants by WHAT_IF_LIMITS (${WHAT_IF_LIMITS.tenants}) and says so before submitting`, async () => {
    const user = userEvent.setup();
    const sent: WhatIfRequestInput[] = [];
    server.use(
      http.post(`${BASE_URL}/placements/what-if`, async ({ request }) => {
        sent.push((await request.json()) as WhatIfRequestInput);
        return HttpResponse.json(result);
      }),
    );
    await renderWithPlugin(
      <WhatIfSection partitions={partitions} open onOpenChange={() => {}} />,
    );
    const whatIf = within(
      await screen.findByRole('region', { name: 'What-if' }),
    );
    const count = whatIf.getByRole('spinbutton', { name: 'Number of tenants' });
    expect(count).toHaveAttribute('min', '1');
    expect(count).toHaveAttribute('max', String(WHAT_IF_LIMITS.tenants));
    expect(count).toHaveAccessibleDescription('1 to 10,000 per what-if');

    await user.clear(count);
    await user.type(count, String(WHAT_IF_LIMITS.tenants + 1));
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveAccessibleDescription(
      'At most 10,000 tenants in one what-if',
    );
    const run = whatIf.getByRole('button', { name: 'Run what-if' });
    expect(run).toBeDisabled();

    await user.clear(count);
    await user.type(count, String(WHAT_IF_LIMITS.tenants));
    expect(count).toHaveAttribute('aria-invalid', 'false');
    await user.click(run);
    expect(
      await whatIf.findByRole('region', { name: 'What-if result' }),
    ).toBeInTheDocument();
    expect(sent.map(body => body.profiles[0].count)).toEqual([
      WHAT_IF_LIMITS.tenants,
    ]);
  });
});
