import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { Route, Routes, useLocation } from 'react-router-dom';
import type { WhatIfResult } from '@region-expansion/plugin-region-expansion-common';
import {
  BASE_URL,
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { RegionExpansionPage } from '../RegionExpansionPage';

const server = setupTestServer();

function CurrentUrl() {
  const location = useLocation();
  return (
    <output aria-label="current url">
      {location.pathname + location.search}
    </output>
  );
}

const pageWithUrl = (
  <>
    <Routes>
      <Route path="/region-expansion/*" element={<RegionExpansionPage />} />
    </Routes>
    <CurrentUrl />
  </>
);

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

/** The plugin API paths (with query) the page asks for, in order. */
function recordApiPaths(): string[] {
  const paths: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    paths.push(url.pathname.replace(/^.*\/region-expansion/, '') + url.search);
  });
  return paths;
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
    await within(grid).findByText('Tenant 150', {}, { timeout: 10_000 });
    expect(requests.at(-1)?.get('offset')).toBe('50');
  });

  it('asks for the first page at once, without waiting for filter lists or any cell list', async () => {
    const paths = recordApiPaths();
    // Partitions and locations never answer: the table must not care.
    server.use(
      http.get(`${BASE_URL}/partitions`, async () => {
        await delay('infinite');
        return HttpResponse.json({ items: [] });
      }),
      http.get(`${BASE_URL}/locations`, async () => {
        await delay('infinite');
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/tenants?cell=cell-fra-1'],
    });
    // Tenant 0 is unplaced; Tenant 1 is the first in cell-fra-1.
    await screen.findByText('Tenant 1', {}, { timeout: 10_000 });
    expect(paths).toContain('/tenants?cellId=cell-fra-1&offset=0&limit=50');
    // The cell filter shows the URL's cell without loading any cell list,
    // and no page loads every cell.
    expect(screen.getByLabelText('Cell')).toHaveValue('cell-fra-1');
    // The what-if section is closed, so not even its template cell loads.
    expect(paths.filter(p => p.startsWith('/cells'))).toEqual([]);
    expect(paths).not.toContain('/locations/summary');
  });

  it('loads the cells of the cell filter when it opens, narrowed by the location filter', async () => {
    const cellQueries: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/cells')) cellQueries.push(url.search);
    });
    await renderWithPlugin(pageWithUrl, {
      routeEntries: ['/region-expansion/tenants?location=us-east-1-bos-1a'],
    });
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    await userEvent.click(screen.getByLabelText('Cell'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'cell-bos-1' }),
    );
    expect(cellQueries).toContain('?locationId=us-east-1-bos-1a');
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      'cell=cell-bos-1',
    );
    // No fixture tenant lives in the Boston cell.
    expect(
      await screen.findByText(/No tenants match/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
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

  it("opens the what-if section on demand, loading one location's cells for its template", async () => {
    const paths = recordApiPaths();
    await renderWithPlugin(pageWithUrl, {
      routeEntries: ['/region-expansion/tenants'],
    });
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    expect(screen.queryByRole('form', { name: 'What-if profile' })).toBeNull();
    await userEvent.click(screen.getByText('What if new tenants arrive?'));
    const whatIf = await whatIfSection();
    expect(
      whatIf.getByRole('spinbutton', { name: 'Number of tenants' }),
    ).toHaveValue(10);
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      'whatIf=open',
    );
    expect(paths.filter(p => p.startsWith('/cells'))).toEqual([
      '/cells?locationId=eu-central-1',
    ]);
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
      routeEntries: ['/region-expansion/tenants?whatIf=open'],
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
      routeEntries: ['/region-expansion/tenants?whatIf=open'],
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
