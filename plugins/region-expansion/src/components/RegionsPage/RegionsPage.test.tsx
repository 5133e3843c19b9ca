import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

describe('RegionsPage', () => {
  it('draws a labelled, focusable marker per Region and groups the grid by partition and geography', async () => {
    await renderPage('/region-expansion');

    const frankfurt = await screen.findByRole('link', {
      name: /Europe \(Frankfurt\) \(eu-central-1\), partition aws: readiness blocked, 1 cells, 40 tenants/,
    });
    expect(frankfurt).toHaveAttribute('tabindex', '0');
    // The country outlines are drawn with the markers, out of the tab order.
    const map = screen.getByRole('group', { name: 'World map of Regions' });
    const outlines = map.querySelectorAll('path[aria-hidden]');
    expect(outlines).toHaveLength(1);
    // One closed shape per country ring: well over 150 countries.
    const rings = outlines[0].getAttribute('d')?.match(/M[\d.-]/g) ?? [];
    expect(rings.length).toBeGreaterThan(150);
    // The Boston Local Zone's cell and tenants count towards us-east-1.
    expect(
      screen.getByRole('link', {
        name: /us-east-1\), partition aws: readiness unknown, 1 cells, 9 tenants, 1 Local Zones or Outposts/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /eusc-de-east-1\), partition aws-eusc: readiness ready/,
      }),
    ).toBeInTheDocument();

    const sovereign = screen.getByRole('region', {
      name: 'Partition aws-eusc',
    });
    expect(within(sovereign).getByText('Europe')).toBeInTheDocument();
    expect(
      within(sovereign).getByText('AWS European Sovereign Cloud (Germany)'),
    ).toBeInTheDocument();
    const attached = screen.getByRole('list', {
      name: 'Local Zones and Outposts of us-east-1',
    });
    expect(within(attached).getByText('US East (Boston)')).toBeInTheDocument();
  });

  it('draws the overview from per-location totals, never the cell list', async () => {
    const requests = recordRequests(server);
    await renderPage('/region-expansion');
    await screen.findByRole('link', { name: /eu-central-1\), partition/ });
    const paths = requests.map(url => url.pathname);
    expect(paths).toContain('/api/region-expansion/locations/summary');
    expect(paths).not.toContain('/api/region-expansion/cells');
  });

  it('opens the Region page from a marker with the keyboard', async () => {
    await renderPage('/region-expansion');
    const marker = await screen.findByRole('link', {
      name: /eu-central-1\), partition/,
    });
    marker.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      '/region-expansion/regions/eu-central-1',
    );
  });

  it('keeps filters in the URL and applies them to map and grid', async () => {
    await renderPage('/region-expansion');
    await screen.findByText(/Showing 3 of 3 Regions/);

    await userEvent.click(screen.getByRole('combobox', { name: 'Partition' }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: /AWS European Sovereign Cloud/,
      }),
    );

    expect(screen.getByLabelText('current url')).toHaveTextContent(
      '/region-expansion?partition=aws-eusc',
    );
    expect(screen.getByText(/Showing 1 of 3 Regions/)).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /eu-central-1\), partition/ }),
    ).not.toBeInTheDocument();
  });

  it('reads filters from a deep link', async () => {
    await renderPage('/region-expansion?cells=without');
    expect(
      await screen.findByText(/Showing 1 of 3 Regions/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /eusc-de-east-1\), partition/ }),
    ).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    failRoute(server, 'get', '/locations', {
      status: 403,
      name: 'NotAllowedError',
      message: "Permission 'region-expansion.location.read' is required",
    });
    await renderPage('/region-expansion');
    expect(
      await screen.findByText(
        "Permission 'region-expansion.location.read' is required",
      ),
    ).toBeInTheDocument();
  });

  it('says who can fix an empty estate and links the install guide, never asking to edit files', async () => {
    server.use(
      http.get(`${BASE_URL}/locations`, () => HttpResponse.json({ items: [] })),
    );
    const { container } = await renderPage('/region-expansion');
    expect(
      await screen.findByText('No locations known yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the install guide' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /\/docs\/install\.md#1-the-backend-plugin-and-its-modules$/,
      ),
    );
    expect(container).not.toHaveTextContent(
      /app-config|packages\/backend|POST \//,
    );
  });
});
