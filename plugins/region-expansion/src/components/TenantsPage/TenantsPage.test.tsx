import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { WhatIfResult } from '@region-expansion/plugin-region-expansion-common';
import {
  BASE_URL,
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

// The DataGrid is slow to lay out in jsdom.
jest.setTimeout(30_000);

/**
 * Queries scoped to the what-if section: role queries over the whole page
 * would run jsdom's style computation on the DataGrid's CSS variables,
 * which jsdom cannot parse.
 */
async function whatIfSection() {
  return within(await screen.findByRole('region', { name: 'What-if' }));
}

const whatIfResult: WhatIfResult = {
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
};

describe('TenantsPage', () => {
  it('pages tenants from the server and keeps the DOM rows bounded', async () => {
    const requests: URLSearchParams[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/tenants')) requests.push(url.searchParams);
    });
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/tenants?tier=bridge'],
    });
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    // The DataGrid does not forward aria-label to its role="grid" element.
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    expect(requests.at(-1)?.get('tier')).toBe('bridge');
    expect(requests.at(-1)?.get('limit')).toBe('50');
    // 84 bridge tenants exist; at most one page of rows reaches the DOM.
    expect(within(grid).getAllByRole('row').length).toBeLessThanOrEqual(51);
    expect(screen.getByText(/1–50 of 84/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText(/next page/i));
    await within(grid).findByText('Tenant 150');
    expect(requests.at(-1)?.get('offset')).toBe('50');
  });

  it('opens a drawer with the placement reason and history', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/tenants?tenant=tenant-001'],
    });
    const drawer = await screen.findByRole('region', {
      name: 'Tenant tenant-001',
    });
    const reason = await within(drawer).findByRole('region', {
      name: 'Placement reason',
    });
    expect(reason).toHaveTextContent(/Placed in eu-central-1 cell cell-fra-1/);
    expect(
      within(drawer).getByRole('region', { name: 'Placement history' }),
    ).toHaveTextContent('placed cell-fra-1 (pack)');
    expect(
      within(drawer).getByRole('button', { name: 'Migrate' }),
    ).toBeInTheDocument();
  });

  it('runs a what-if and lists cells to create and quotas to request', async () => {
    let body: any;
    server.use(
      http.post(`${BASE_URL}/placements/what-if`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(whatIfResult);
      }),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/tenants'],
    });
    const whatIf = await whatIfSection();
    const count = whatIf.getByRole('spinbutton', { name: 'Number of tenants' });
    await userEvent.clear(count);
    await userEvent.type(count, '30');
    await userEvent.type(
      whatIf.getByRole('textbox', { name: 'Quota service code (optional)' }),
      'lambda',
    );
    await userEvent.type(
      whatIf.getByRole('textbox', { name: 'Quota code' }),
      'L-B99A9384',
    );
    await userEvent.type(
      whatIf.getByRole('textbox', { name: 'Quota name' }),
      'Concurrent executions',
    );
    await userEvent.type(
      whatIf.getByRole('spinbutton', { name: 'Per cell' }),
      '3000',
    );
    await userEvent.click(whatIf.getByRole('button', { name: 'Run what-if' }));

    const cellsToCreate = await whatIf.findByRole('table', {
      name: 'Cells to create',
    });
    expect(within(cellsToCreate).getByText('eu-central-1')).toBeInTheDocument();
    const quotas = whatIf.getByRole('table', { name: 'Quotas to request' });
    expect(
      within(quotas).getByText('Concurrent executions (L-B99A9384)'),
    ).toBeInTheDocument();
    expect(body.profiles[0]).toMatchObject({ count: 30, tier: 'pool' });
    // The spec starts from the running cells' spec.
    expect(body.spec).toMatchObject({
      version: '2025.1',
      isolation: 'pooled',
      capacity: { tenants: 100, loadUnits: 1000 },
      serviceQuotas: [{ serviceCode: 'lambda', perCell: 3000 }],
    });
  });

  it("shows the server's validation message for a rejected what-if", async () => {
    server.use(
      http.post(`${BASE_URL}/placements/what-if`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'profiles.0.count: must be at least 1',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/tenants'],
    });
    const whatIf = await whatIfSection();
    await userEvent.click(whatIf.getByRole('button', { name: 'Run what-if' }));
    await waitFor(() =>
      expect(
        screen.getAllByText('profiles.0.count: must be at least 1').length,
      ).toBeGreaterThan(0),
    );
  });
});
