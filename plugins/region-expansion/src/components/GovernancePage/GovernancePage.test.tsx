import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createTheme } from '@mui/material/styles';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { governanceHandlers } from '../../__testUtils__/governanceHandlers';
import { readableTextColour } from '../shared/readableTextColour';

const server = setupTestServer();

/** A backend with governance installed that has not synced any source. */
function serveNoGovernanceData() {
  server.use(
    http.get(`${BASE_URL}/governance/summary`, () =>
      HttpResponse.json({ groupBy: 'severity', filter: {}, groups: [] }),
    ),
    http.get(`${BASE_URL}/governance/freshness`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${BASE_URL}/governance/resilience`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${BASE_URL}/governance/conformance`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
}

// The dashboard renders six facets, three charts and five panels per filter.

describe('GovernancePage', () => {
  let requests: URL[];
  beforeEach(() => {
    requests = [];
    server.use(...governanceHandlers(requests));
  });

  it('puts a facet into the URL and into every request, and shows the panels', async () => {
    await renderPage('/region-expansion/governance?region=eu-central-1');
    expect(await screen.findByText('Security Hub')).toBeInTheDocument();
    // The Region from the URL scopes findings and snapshot reads alike.
    const resilience = requests.find(r => r.pathname.endsWith('/resilience'))!;
    expect(resilience.searchParams.get('region')).toBe('eu-central-1');

    requests.length = 0;
    const filters = screen.getByRole('form', { name: 'Governance filters' });
    fireEvent.mouseDown(
      within(filters).getByRole('combobox', { name: 'Severity' }),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'CRITICAL (5)' }),
    );

    await waitFor(() =>
      expect(screen.getByLabelText('current url')).toHaveTextContent(
        '?region=eu-central-1&severity=CRITICAL',
      ),
    );
    await waitFor(() => {
      const bySeverity = requests.find(
        r =>
          r.pathname.endsWith('/summary') &&
          r.searchParams.get('groupBy') === 'control',
      );
      expect(bySeverity?.searchParams.get('severity')).toBe('CRITICAL');
      expect(bySeverity?.searchParams.get('region')).toBe('eu-central-1');
    });
    // The scope-only routes never receive finding filters (they reject them).
    const conformance = requests.find(r =>
      r.pathname.endsWith('/conformance'),
    )!;
    expect(conformance.searchParams.get('severity')).toBeNull();

    expect(
      screen.getByRole('figure', {
        name: 'Security Hub findings by severity: 30 findings, 12 failed',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: /Failed findings per day by source/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 h / 1 h (exceeds policy)')).toBeInTheDocument();
    expect(screen.getByText('5 min / 15 min')).toBeInTheDocument();
    expect(screen.getByText('operational-best-practices')).toBeInTheDocument();
  });

  it('shows a stale source with its reason and downloads the bundle for the filters', async () => {
    const createObjectURL = jest.fn(() => 'blob:bundle');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderPage('/region-expansion/governance?severity=HIGH');
    expect(
      await screen.findByText(
        'Stale: AccessDeniedException: not authorized to ListApps',
      ),
    ).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', { name: 'Download evidence bundle' }),
    );
    expect(
      await screen.findByText('Downloaded governance-evidence-2026-01-10.zip.'),
    ).toBeInTheDocument();
    const bundle = requests.find(r => r.pathname.endsWith('/evidence-bundle'))!;
    expect(bundle.searchParams.get('severity')).toBe('HIGH');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('reads the trend window page by page and the next page of a panel on request', async () => {
    const point = (day: string, failed: number) => ({
      day,
      source: 'securityhub',
      partition: 'aws',
      total: 30,
      failed,
      criticalOrHighFailed: 1,
      staleTargets: 0,
    });
    const app = (name: string) => ({
      appArn: `arn:aws:resiliencehub:eu-central-1:111122223333:app/${name}`,
      appName: name,
      partition: 'aws',
      accountId: '111122223333',
      region: 'eu-central-1',
      complianceStatus: 'PolicyMet',
      disruptions: [],
    });
    server.use(
      http.get(`${BASE_URL}/governance/history`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        return HttpResponse.json(
          url.searchParams.get('cursor') === 'history-2'
            ? { items: [point('2026-01-10', 12)], limit: 2000 }
            : {
                items: [point('2026-01-08', 10)],
                limit: 2000,
                nextCursor: 'history-2',
              },
        );
      }),
      http.get(`${BASE_URL}/governance/resilience`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        return HttpResponse.json(
          url.searchParams.get('cursor') === 'apps-2'
            ? { items: [app('payments')], limit: 100 }
            : { items: [app('orders')], limit: 100, nextCursor: 'apps-2' },
        );
      }),
    );
    await renderPage('/region-expansion/governance?region=eu-central-1');
    // Both history pages make the chart: the window spans them.
    expect(
      await screen.findByRole('figure', {
        name: 'Failed findings per day by source, 2026-01-08 to 2026-01-10',
      }),
    ).toBeInTheDocument();
    const history = requests.filter(r => r.pathname.endsWith('/history'));
    expect(history.map(r => r.searchParams.get('cursor'))).toEqual([
      null,
      'history-2',
    ]);
    expect(history[0].searchParams.get('limit')).toBe('2000');
    expect(history[0].searchParams.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(screen.getByText('orders')).toBeInTheDocument();
    expect(screen.queryByText('payments')).not.toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show more Resilience Hub applications',
      }),
    );
    expect(await screen.findByText('payments')).toBeInTheDocument();
    expect(screen.getByText('orders')).toBeInTheDocument();
    const next = requests.find(
      r => r.pathname.endsWith('/resilience') && r.searchParams.has('cursor'),
    )!;
    expect(next.searchParams.get('cursor')).toBe('apps-2');
    expect(next.searchParams.get('region')).toBe('eu-central-1');
    expect(
      screen.queryByRole('button', {
        name: 'Show more Resilience Hub applications',
      }),
    ).not.toBeInTheDocument();
  });

  it('explains what to configure when there is no governance data', async () => {
    serveNoGovernanceData();
    await renderPage('/region-expansion/governance');
    expect(
      await screen.findByText('No governance data yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ask the team that runs this portal/),
    ).toBeInTheDocument();
  });

  it('sends portal users to the governance guide, never to app-config.yaml, when there is no data', async () => {
    serveNoGovernanceData();
    const { container } = await renderPage('/region-expansion/governance');
    expect(
      await screen.findByText('No governance data yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the governance setup guide' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /\/docs\/install\.md#4-governance-providers-optional-needs-aws-accounts$/,
      ),
    );
    expect(container).not.toHaveTextContent(
      /app-config|packages\/backend|POST \//,
    );
  });

  it('colours the freshness badges from a dark theme', async () => {
    const dark = createTheme({ palette: { mode: 'dark' } });
    await renderPage('/region-expansion/governance', { theme: dark });
    const badge = async (label: string | RegExp) =>
      (await screen.findByText(label)).closest('[class*="MuiChip-root"]');
    const ok = dark.palette.success.main;
    expect(await badge('ok')).toHaveStyle({
      backgroundColor: ok,
      color: readableTextColour(ok, dark.palette),
    });
    const stale = dark.palette.warning.main;
    expect(await badge(/^Stale: /)).toHaveStyle({
      backgroundColor: stale,
      color: readableTextColour(stale, dark.palette),
    });
  });

  it('says governance is not enabled when the backend has no governance routes', async () => {
    failRoute(server, 'get', '/governance/summary', {
      status: 404,
      name: 'NotFoundError',
      message: 'Not Found',
    });
    await renderPage('/region-expansion/governance');
    expect(
      await screen.findByText('Governance is not enabled in this backend'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the governance setup guide' }),
    ).toBeInTheDocument();
  });
});
