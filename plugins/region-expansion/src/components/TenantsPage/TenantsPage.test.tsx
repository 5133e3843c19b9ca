import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  recordBodies,
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

// The DataGrid is slow to lay out in jsdom.

/**
 * Queries scoped to the what-if section: role queries over the whole page
 * would run jsdom's style computation on the DataGrid's CSS variables,
 * which jsdom cannot parse.
 */
async function whatIfSection() {
  return within(await screen.findByRole('region', { name: 'What-if' }));
}

/** A request's path below the plugin's base URL, with its query. */
function apiPath(url: URL): string {
  return url.pathname.replace(/^.*\/region-expansion/, '') + url.search;
}

/** The drawer of tenant-001, opened from the page's URL. */
async function openTenantDrawer() {
  await renderPage('/region-expansion/tenants?tenant=tenant-001');
  return screen.findByRole('region', { name: 'Tenant tenant-001' });
}

describe('TenantsPage', () => {
  it('pages tenants from the server and keeps the DOM rows bounded', async () => {
    const requests = recordRequests(server, '/tenants');
    await renderPage('/region-expansion/tenants?tier=bridge');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    // The DataGrid does not forward aria-label to its role="grid" element.
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    expect(requests.at(-1)?.searchParams.get('tier')).toBe('bridge');
    expect(requests.at(-1)?.searchParams.get('limit')).toBe('50');
    // 84 bridge tenants exist; at most one page of rows reaches the DOM.
    expect(within(grid).getAllByRole('row').length).toBeLessThanOrEqual(51);
    expect(screen.getByText(/1–50 of 84/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText(/next page/i));
    await within(grid).findByText('Tenant 150', {}, { timeout: 10_000 });
    expect(requests.at(-1)?.searchParams.get('offset')).toBe('50');
  });

  it('asks for the first page at once, without waiting for filter lists or any cell list', async () => {
    const requests = recordRequests(server);
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
    await renderPage('/region-expansion/tenants?cell=cell-fra-1');
    // Tenant 0 is unplaced; Tenant 1 is the first in cell-fra-1.
    await screen.findByText('Tenant 1', {}, { timeout: 10_000 });
    const paths = requests.map(apiPath);
    expect(paths).toContain('/tenants?cellId=cell-fra-1&offset=0&limit=50');
    // The cell filter shows the URL's cell without loading any cell list,
    // and no page loads every cell.
    expect(screen.getByLabelText('Cell')).toHaveValue('cell-fra-1');
    // The what-if section is closed, so not even its template cell loads.
    expect(paths.filter(p => p.startsWith('/cells'))).toEqual([]);
    expect(paths).not.toContain('/locations/summary');
  });

  it('loads the cells of the cell filter when it opens, narrowed by the location filter', async () => {
    const cellRequests = recordRequests(server, '/cells');
    await renderPage('/region-expansion/tenants?location=us-east-1-bos-1a');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    await userEvent.click(screen.getByLabelText('Cell'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'cell-bos-1' }),
    );
    expect(cellRequests.map(url => url.search)).toContain(
      '?locationId=us-east-1-bos-1a',
    );
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      'cell=cell-bos-1',
    );
    // No fixture tenant lives in the Boston cell.
    expect(
      await screen.findByText(/No tenant matches/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('sorts on the server across every page, back at the first page', async () => {
    const requests = recordRequests(server, '/tenants');
    await renderPage('/region-expansion/tenants');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    await userEvent.click(screen.getByLabelText(/next page/i));
    await within(grid).findByText('Tenant 50', {}, { timeout: 10_000 });

    // fireEvent: userEvent's pointer check computes styles, and jsdom
    // cannot parse the header's CSS variables.
    fireEvent.click(within(grid).getByText('Load units'));
    await waitFor(() =>
      expect(requests.at(-1)?.searchParams.get('sort')).toBe('loadUnits:asc'),
    );
    fireEvent.click(within(grid).getByText('Load units'));
    // The heaviest tenants of all 250 (16 load units: Tenant 6, 13, ...),
    // not the heaviest of the page that was loaded.
    await within(grid).findByText('Tenant 6', {}, { timeout: 10_000 });
    expect(
      requests.map(url => url.search).filter(q => q.includes('sort')),
    ).toEqual([
      '?sort=loadUnits%3Aasc&offset=0&limit=50',
      '?sort=loadUnits%3Adesc&offset=0&limit=50',
    ]);
    expect(screen.getByText(/1–50 of 250/)).toBeInTheDocument();
  });

  it('searches name or id on the server once typing stops, and keeps the search in the URL', async () => {
    const requests = recordRequests(server, '/tenants');
    await renderPage('/region-expansion/tenants');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    await userEvent.type(
      await screen.findByLabelText('Search name or id'),
      'tenant-24',
    );
    await screen.findByText(/1–10 of 10/, {}, { timeout: 10_000 });
    // One request for the whole term, not one per keystroke.
    expect(
      requests.map(url => url.searchParams.get('q')).filter(Boolean),
    ).toEqual(['tenant-24']);
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      'q=tenant-24',
    );
  });

  it('imports tenants from a dialog on the page and reloads the table after', async () => {
    const requests = recordRequests(server, '/tenants');
    recordBodies(server, 'post', '/tenants/import', { imported: 1, placed: 0 });
    await renderPage('/region-expansion/tenants');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    // By text: a role query over the page computes the DataGrid's styles,
    // which jsdom cannot parse.
    await userEvent.click(
      screen.getByText('Import tenants', { selector: 'button' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      'import=open',
    );
    await userEvent.click(dialog.getByLabelText('Tenants to import'));
    await userEvent.paste(
      'id,name,tier,classification,loadUnits\nnew-one,New,pool,public,1',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Check' }));
    const listed = requests.length;
    await userEvent.click(
      dialog.getByRole('button', { name: 'Import 1 tenants' }),
    );
    expect(
      await dialog.findByRole('status', { name: 'Import result' }),
    ).toHaveTextContent('Imported 1 tenants');
    await waitFor(() => expect(requests.length).toBeGreaterThan(listed));
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    expect(screen.getByLabelText('current url')).not.toHaveTextContent(
      'import=open',
    );
  });

  it('says what to do in the portal when no tenant matches', async () => {
    await renderPage('/region-expansion/tenants?q=nobody-is-called-this');
    const empty = await screen.findByText(
      /No tenant matches/,
      {},
      { timeout: 10_000 },
    );
    expect(empty).toHaveTextContent(/Import tenants/);
    expect(empty).not.toHaveTextContent(/POST|app-config/);
  });

  it('opens a drawer with the placement reason and history', async () => {
    const drawer = await openTenantDrawer();
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

  it('shows the runbook progress from the history in the drawer: runbook id, step and kind, status, when', async () => {
    const drawer = await openTenantDrawer();
    const progress = await within(drawer).findByRole('region', {
      name: 'Runbook progress',
    });
    const rows = within(progress)
      .getAllByRole('listitem')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'rb-0123456789abcdef01234567 · step 1 data-copy · done2026-02-01T09:00:00.000Z by user:default/platform-admin',
      'rb-0123456789abcdef01234567 · step 2 key-rewrap · failed2026-02-01T09:05:00.000Z by user:default/platform-admin: The target key is disabled',
    ]);
  });

  it('says no runbook step is recorded when the history has none', async () => {
    server.use(
      http.get(`${BASE_URL}/tenants/:id/history`, () =>
        HttpResponse.json({ items: [], runbookProgress: [] }),
      ),
    );
    await renderPage('/region-expansion/tenants?tenant=tenant-001');
    const progress = await screen.findByRole('region', {
      name: 'Runbook progress',
    });
    expect(progress).toHaveTextContent('No runbook step recorded.');
    expect(within(progress).queryAllByRole('listitem')).toEqual([]);
  });

  it("opens the what-if section on demand, loading one location's cells for its template", async () => {
    const requests = recordRequests(server);
    await renderPage('/region-expansion/tenants');
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
    const cellPaths = requests.map(apiPath).filter(p => p.startsWith('/cells'));
    expect(cellPaths).toEqual(['/cells?locationId=eu-central-1']);
  });
});
