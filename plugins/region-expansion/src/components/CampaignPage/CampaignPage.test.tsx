import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  campaignWithoutCosts,
  frankfurtCampaign,
} from '../../__testUtils__/campaignFixtures';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import {
  failRoute,
  recordBodies,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

const CAMPAIGN_URL = '/region-expansion/campaigns/launch-fra';

/** Renders the Frankfurt campaign's page and waits for its heading. */
async function renderCampaign() {
  await renderPage(CAMPAIGN_URL);
  await screen.findByRole('heading', { name: 'Campaign launch-fra' });
}

/** The line of the time-to-revenue panel that starts with `label`. */
const factLine = (label: string) =>
  screen.getByText(`${label}:`).parentElement!;

describe('CampaignPage', () => {
  it('heads the page with owner, target date, planned tenants and a link to the location', async () => {
    await renderCampaign();
    expect(
      screen.getByText(
        /by 2026-12-04, owned by group:default\/platform-team; 10 tenants planned/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'eu-central-1' })).toHaveAttribute(
      'href',
      '/region-expansion/regions/eu-central-1',
    );
    expect(screen.getByText(/Cost not approved yet/)).toBeInTheDocument();
  });

  it('lists each gate with its state, reason and since, and the history of changes', async () => {
    await renderCampaign();
    const gates = within(screen.getByRole('table', { name: 'Gates' }));
    const rows = gates.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent(
      'readiness-levelpassedeu-central-1 is ready, at least the required ready.',
    );
    expect(rows[2]).toHaveTextContent('guardrail-driftunknown');
    expect(rows[3]).toHaveTextContent(
      'cost-approvedfailedNo cost approval is recorded.',
    );
    const history = within(screen.getByRole('table', { name: 'Gate history' }));
    expect(history.getAllByRole('row')).toHaveLength(3);
    expect(history.getAllByRole('row')[2]).toHaveTextContent(
      'readiness-levelfailedeu-central-1 is blocked, below the required ready.',
    );
  });

  it('draws the burn-up with one point per day in each series and the target date line', async () => {
    await renderCampaign();
    const chart = screen.getByRole('img', {
      name: /Burn-up to the target date 2026-12-04/,
    });
    const gates = within(chart).getByRole('list', {
      name: 'Gates passed per day',
    });
    expect(
      within(gates)
        .getAllByRole('listitem')
        .map(point => point.getAttribute('aria-label')),
    ).toEqual([
      '2026-12-01: 0 of 3 gates passed',
      '2026-12-02: 1 of 3 gates passed',
      '2026-12-03: 2 of 3 gates passed',
      '2026-12-04: 3 of 3 gates passed',
      '2026-12-05: 3 of 3 gates passed',
    ]);
    const tenants = within(chart).getByRole('list', {
      name: 'Tenants onboarded per day',
    });
    expect(within(tenants).getAllByRole('listitem')).toHaveLength(
      frankfurtCampaign.burnUp.length,
    );
    // The target date is the fourth of five days: three quarters across.
    const points = within(gates).getAllByRole('listitem');
    const target = within(chart)
      .getByRole('img', { name: 'Target date 2026-12-04' })
      .querySelector('line')!;
    expect(target.getAttribute('x1')).toBe(points[3].getAttribute('cx'));
    // The same days as a table for readers who do not see the chart.
    expect(
      within(
        screen.getByRole('table', { name: 'Burn-up per day' }),
      ).getAllByRole('row'),
    ).toHaveLength(6);
  });

  it('draws the days after today as projected: hollow points, marked in their label and the table', async () => {
    recordBodies(server, 'get', '/campaigns/launch-fra', {
      ...frankfurtCampaign,
      burnUp: frankfurtCampaign.burnUp.map((point, index) =>
        index >= 3 ? { ...point, projected: true } : point,
      ),
    });
    await renderCampaign();
    const chart = screen.getByRole('img', {
      name: /the 2 days after it are projected with those values/,
    });
    const points = within(
      within(chart).getByRole('list', { name: 'Gates passed per day' }),
    ).getAllByRole('listitem');
    expect(points.map(point => point.getAttribute('fill') === 'none')).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(points[4]).toHaveAttribute(
      'aria-label',
      '2026-12-05: 3 of 3 gates passed (projected)',
    );
    expect(
      within(screen.getByRole('table', { name: 'Burn-up per day' })).getByText(
        '2026-12-05 (projected)',
      ),
    ).toBeInTheDocument();
  });

  it('counts time to revenue from the first spend Cost Explorer reports', async () => {
    await renderCampaign();
    expect(screen.getByText('5 days')).toBeInTheDocument();
    expect(
      screen.getByText('2026-11-28, from Cost Explorer'),
    ).toBeInTheDocument();
    expect(factLine('First paying tenant')).toHaveTextContent(
      'First paying tenant: tenant-001 since 2026-12-03',
    );
    expect(factLine('Recorded as paying')).toHaveTextContent(
      'Recorded as paying: tenant-001 since 2026-12-03',
    );
    expect(factLine('Spend until first revenue')).toHaveTextContent(
      'Spend until first revenue: 1,234.50 USD',
    );
  });

  it('counts time to revenue from the campaign start, with why, when costs could not be read', async () => {
    recordBodies(server, 'get', '/campaigns/launch-fra', campaignWithoutCosts);
    await renderCampaign();
    expect(screen.getByText('2 days')).toBeInTheDocument();
    expect(
      screen.getByText(
        '2026-12-01, from the campaign start: Cost Explorer is not configured for partition aws',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'not known: Cost Explorer is not configured for partition aws',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/from Cost Explorer/)).not.toBeInTheDocument();
  });

  it('shows the gates the backend re-evaluated', async () => {
    const bodies = recordBodies(
      server,
      'post',
      '/campaigns/launch-fra/evaluate',
      {
        ...frankfurtCampaign,
        gates: frankfurtCampaign.gates.map(gate => ({
          ...gate,
          state: 'passed',
          reason: `${gate.gateId} passes now.`,
        })),
      },
    );
    const user = userEvent.setup();
    await renderCampaign();
    await user.click(screen.getByRole('button', { name: 'Re-evaluate gates' }));
    expect(
      await screen.findByText('guardrail-drift passes now.'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([]);
  });

  it('sends the approval note and shows the recorded approval', async () => {
    const bodies = recordBodies(
      server,
      'post',
      '/campaigns/launch-fra/cost-approval',
      {
        ...frankfurtCampaign,
        costApproval: {
          approvedBy: 'user:default/ada',
          approvedAt: '2026-12-05T12:00:00.000Z',
          note: 'within budget',
          monthlyPerTenant: 42,
          currency: 'USD',
        },
      },
    );
    const user = userEvent.setup();
    await renderCampaign();
    await user.type(
      screen.getByRole('textbox', { name: 'Approval note (optional)' }),
      ' within budget ',
    );
    await user.click(screen.getByRole('button', { name: 'Approve cost' }));
    expect(
      await screen.findByText(
        /42.00 USD per tenant per month \(within budget\)/,
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ note: 'within budget' }]);
  });

  it("shows the API's message when approving the cost is refused with a 400", async () => {
    failRoute(server, 'post', '/campaigns/launch-fra/cost-approval', {
      status: 400,
      name: 'InputError',
      message: 'note: must be at most 500 characters',
    });
    const user = userEvent.setup();
    await renderCampaign();
    await user.click(screen.getByRole('button', { name: 'Approve cost' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'note: must be at most 500 characters',
    );
    expect(screen.getByText(/Cost not approved yet/)).toBeInTheDocument();
  });

  it('records a planned tenant as paying since a day and shows the new time to revenue', async () => {
    const bodies = recordBodies(
      server,
      'put',
      '/campaigns/launch-fra/paying-tenants/tenant-002',
      {
        ...frankfurtCampaign,
        timeToRevenue: { ...frankfurtCampaign.timeToRevenue, days: 4 },
      },
    );
    const user = userEvent.setup();
    await renderCampaign();
    await user.click(screen.getByRole('combobox', { name: 'Planned tenant' }));
    await user.click(await screen.findByRole('option', { name: 'tenant-002' }));
    const day = screen.getByLabelText('Paying since');
    await user.clear(day);
    await user.type(day, '2026-12-02');
    await user.click(
      screen.getByRole('button', { name: 'Record paying tenant' }),
    );
    expect(await screen.findByText('4 days')).toBeInTheDocument();
    expect(bodies).toEqual([{ payingSince: '2026-12-02' }]);
  });

  it('names the missing tenant instead of calling the backend without one', async () => {
    const bodies = recordBodies(
      server,
      'put',
      '/campaigns/launch-fra/paying-tenants/:tenantId',
      {},
    );
    const user = userEvent.setup();
    await renderCampaign();
    await user.click(
      screen.getByRole('button', { name: 'Record paying tenant' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'tenantId: choose a planned tenant',
    );
    expect(bodies).toEqual([]);
  });

  it("shows the server's 404 message for an unknown campaign", async () => {
    await renderPage('/region-expansion/campaigns/launch-gone');
    expect(
      await screen.findByText("Campaign 'launch-gone' not found"),
    ).toBeInTheDocument();
  });
});
