import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import {
  failRoute,
  recordBodies,
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

/** The campaigns table once it has loaded. */
const findTable = () =>
  screen.findByRole('table', { name: 'Launch campaigns' });

describe('CampaignsPage', () => {
  it('lists each campaign with location, owner, target date, gates and tenants done of planned, and an at-risk chip', async () => {
    await renderPage('/region-expansion/campaigns');
    const rows = within(await findTable()).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(
      'launch-fraeu-central-1group:default/platform-team2026-12-041 / 38 / 10at risk',
    );
    expect(rows[2]).toHaveTextContent('us-east-1');
    expect(rows[2]).toHaveTextContent('2 / 20 / 5on track');
    expect(
      within(rows[1]).getByRole('link', { name: 'launch-fra' }),
    ).toHaveAttribute('href', '/region-expansion/campaigns/launch-fra');
    expect(
      within(rows[1]).getByRole('link', { name: 'eu-central-1' }),
    ).toHaveAttribute('href', '/region-expansion/regions/eu-central-1');
  });

  it('asks the backend for the campaigns of the location the URL filters by', async () => {
    const requests = recordRequests(server, '/campaigns');
    await renderPage('/region-expansion/campaigns?location=us-east-1');
    const rows = within(await findTable()).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('launch-iad');
    expect(requests.map(url => url.searchParams.get('locationId'))).toEqual([
      'us-east-1',
    ]);
  });

  it('filters by the location chosen in the filter', async () => {
    const user = userEvent.setup();
    await renderPage('/region-expansion/campaigns');
    await findTable();
    await user.click(screen.getByRole('combobox', { name: 'Location' }));
    await user.click(
      await screen.findByRole('option', {
        name: 'Europe (Frankfurt) (eu-central-1)',
      }),
    );
    expect(screen.getByLabelText('current url')).toHaveTextContent(
      '/region-expansion/campaigns?location=eu-central-1',
    );
    await screen.findByText('launch-fra');
    expect(screen.queryByText('launch-iad')).not.toBeInTheDocument();
  });

  // Neither state leaves a table that could pass for an empty list.
  it.each([
    {
      state: 'an empty list for the filtered location',
      reply: () => recordBodies(server, 'get', '/campaigns', { items: [] }),
      text: 'No launch campaign for eu-central-1',
    },
    {
      state: "a failure, with the server's message",
      reply: () =>
        failRoute(server, 'get', '/campaigns', {
          status: 503,
          name: 'ServiceUnavailableError',
          message: 'campaigns: the database is not reachable',
        }),
      text: 'campaigns: the database is not reachable',
    },
  ])('shows $state instead of a table', async ({ reply, text }) => {
    reply();
    await renderPage('/region-expansion/campaigns?location=eu-central-1');
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
