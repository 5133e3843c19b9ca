import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type {
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import {
  BASE_URL,
  errorReply,
  frankfurtEvaluation,
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';

const server = setupTestServer();

// Whole Region pages on a loaded 2-core CI machine take seconds each.
jest.setTimeout(30_000);

/** Frankfurt's active audit waiver, as the default GET /waivers lists it. */
const auditWaiver: StoredReadinessWaiver = {
  ...frankfurtEvaluation.signals.audit.waiver!,
  id: '7d6f4c1e-0000-4000-8000-000000000001',
  createdBy: 'user:default/lead',
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'active',
};

/** Frankfurt re-evaluated after the audit waiver was revoked. */
const afterRevocation: StoredReadinessEvaluation = {
  ...frankfurtEvaluation,
  id: '44',
  trigger: 'waiver',
  evaluatedAt: '2026-01-11T09:00:00.000Z',
  signals: {
    ...frankfurtEvaluation.signals,
    audit: {
      ...frankfurtEvaluation.signals.audit,
      waived: false,
      waiver: undefined,
    },
  },
};

describe('RegionPage', () => {
  it('shows the latest readiness, its signals, blockers, waivers and history, and a gauge per capacity dimension', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });

    expect(
      await screen.findByRole('heading', { name: 'Europe (Frankfurt)' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Readiness: blocked')).toBeInTheDocument();
    const signals = screen.getByRole('list', { name: 'Readiness signals' });
    expect(within(signals).getAllByRole('listitem')).toHaveLength(6);
    expect(
      within(signals).getByRole('listitem', { name: 'availability: fail' }),
    ).toBeInTheDocument();
    expect(
      within(signals).getByRole('listitem', { name: 'audit: fail, waived' }),
    ).toHaveTextContent(/Waived until/);
    expect(
      within(signals).getByRole('listitem', { name: 'resilience: unknown' }),
    ).toHaveTextContent('never: derived or missing signal');
    const blockers = screen.getByRole('list', { name: 'Blockers' });
    expect(blockers).toHaveTextContent(
      'Remediation: Replace bedrock or choose another Region',
    );
    expect(
      within(
        screen.getByRole('table', { name: 'Availability gaps' }),
      ).getByText('bedrock'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Waivers' })).getByText(
        'Evidence collection starts next quarter',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: /Readiness history of eu-central-1: 2 evaluations/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Became ready at:/)).not.toHaveTextContent('never');

    expect(
      screen.getByRole('group', { name: 'Tenants: 40 of 100 used' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Load units: 900 of 1000 used' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'dedicatedDataStores: 5 of 20 used' }),
    ).toBeInTheDocument();
    // The gauge itself shows the used share.
    expect(screen.getByText('90%')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '40 tenants in this cell' }),
    ).toHaveAttribute('href', '/region-expansion/tenants?cell=cell-fra-1');
  });

  it('shows a location never evaluated as unknown, with the reason', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/us-east-1'],
    });
    expect(await screen.findByText('Readiness: unknown')).toBeInTheDocument();
    expect(
      screen.getByText(/has no readiness evaluation yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('Became ready at: never')).toBeInTheDocument();
  });

  it("adds a waiver and shows the server's message when it is refused", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE_URL}/waivers`, async ({ request }) => {
        bodies.push(await request.json());
        return errorReply(
          400,
          'InputError',
          'expiresAt: must be at most 90 days ahead, on or before 2026-04-10T00:00:00.000Z',
        );
      }),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });
    const form = await screen.findByRole('form', {
      name: 'Add a waiver for eu-central-1',
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Reason/ }), {
      target: { value: 'Bedrock arrives next month' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Approver/ }), {
      target: { value: 'user:default/ciso' },
    });
    fireEvent.change(within(form).getByLabelText(/Expires on/), {
      target: { value: '2027-01-31' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add waiver' }));

    expect(
      await within(form).findByText(
        'expiresAt: must be at most 90 days ahead, on or before 2026-04-10T00:00:00.000Z',
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        locationId: 'eu-central-1',
        check: 'availability',
        reason: 'Bedrock arrives next month',
        approver: 'user:default/ciso',
        expiresAt: '2027-01-31T23:59:59Z',
      },
    ]);
    expect(
      screen.getByRole('button', { name: 'Evaluate now' }),
    ).toBeInTheDocument();
  });

  it("counts a Local Zone's cells under its parent Region", async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/us-east-1'],
    });
    expect(await screen.findByText('Cells (1)')).toBeInTheDocument();
    expect(screen.getByText('Boston pooled 1')).toBeInTheDocument();
  });

  it('explains an unknown location', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/xx-nowhere-1'],
    });
    expect(
      await screen.findByText('Unknown location xx-nowhere-1'),
    ).toBeInTheDocument();
  });

  it("shows the server's message for a missing cell", async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/cells/cell-gone'],
    });
    expect(
      await screen.findByText("Cell 'cell-gone' not found"),
    ).toBeInTheDocument();
  });

  it('revokes an active waiver after confirmation, then reloads the waivers and readiness', async () => {
    const user = userEvent.setup();
    const revoked: string[] = [];
    server.use(
      http.delete(`${BASE_URL}/waivers/:id`, ({ params }) => {
        revoked.push(String(params.id));
        return HttpResponse.json({
          waiver: {
            ...auditWaiver,
            status: 'revoked',
            revokedBy: 'user:default/admin',
            revokedAt: '2026-01-11T09:00:00.000Z',
          },
          evaluation: afterRevocation,
        });
      }),
      http.get(`${BASE_URL}/waivers`, () =>
        HttpResponse.json({
          items: revoked.length
            ? [
                {
                  ...auditWaiver,
                  status: 'revoked',
                  revokedBy: 'user:default/admin',
                  revokedAt: '2026-01-11T09:00:00.000Z',
                },
              ]
            : [auditWaiver],
        }),
      ),
      http.get(`${BASE_URL}/readiness/eu-central-1`, () =>
        HttpResponse.json(
          revoked.length ? afterRevocation : frankfurtEvaluation,
        ),
      ),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });

    // Keyboard: focus the row's action and open the confirmation with Enter.
    const revoke = await screen.findByRole('button', {
      name: 'Revoke the audit waiver',
    });
    revoke.focus();
    await user.keyboard('{Enter}');
    let dialog = await screen.findByRole('dialog', {
      name: 'Revoke the audit waiver for eu-central-1?',
    });
    expect(dialog).toHaveTextContent(/approved by user:default\/auditor/);
    // Cancelling sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(revoked).toEqual([]);

    await user.click(
      screen.getByRole('button', { name: 'Revoke the audit waiver' }),
    );
    dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Revoke waiver' }),
    );

    expect(
      await screen.findByText(
        'Waiver for audit revoked; readiness of eu-central-1 is now blocked.',
      ),
    ).toBeInTheDocument();
    expect(revoked).toEqual([auditWaiver.id]);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The list and the signals come from the reloaded data.
    const waivers = await screen.findByRole('table', { name: 'Waivers' });
    await waitFor(() =>
      expect(waivers).toHaveTextContent('revoked by user:default/admin'),
    );
    expect(
      within(waivers).queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Readiness signals' })).getByRole(
        'listitem',
        { name: 'audit: fail' },
      ),
    ).toBeInTheDocument();
  });

  it('shows the first page of waivers and reads the next one with its cursor on request', async () => {
    const olderWaiver: StoredReadinessWaiver = {
      ...auditWaiver,
      id: '7d6f4c1e-0000-4000-8000-000000000002',
      check: 'security',
      reason: 'Security Hub is enabled next sprint',
      status: 'expired',
    };
    const waiverRequests: URL[] = [];
    server.use(
      http.get(`${BASE_URL}/waivers`, ({ request }) => {
        const url = new URL(request.url);
        waiverRequests.push(url);
        return HttpResponse.json(
          url.searchParams.get('cursor') === 'page-2'
            ? { items: [olderWaiver], limit: 100 }
            : { items: [auditWaiver], limit: 100, nextCursor: 'page-2' },
        );
      }),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });
    expect(await screen.findByText('Waivers (1+)')).toBeInTheDocument();
    expect(
      screen.getByText('Showing the first 1 waivers; there are more.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show more waivers' }));
    expect(await screen.findByText('Waivers (2)')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Waivers' });
    expect(
      within(table).getByText('Security Hub is enabled next sprint'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Show more waivers' }),
    ).not.toBeInTheDocument();
    const next = waiverRequests.find(r => r.searchParams.has('cursor'))!;
    expect(Object.fromEntries(next.searchParams)).toEqual({
      locationId: 'eu-central-1',
      cursor: 'page-2',
    });
  });

  it("keeps the dialog open with the server's message when a revocation is refused", async () => {
    const user = userEvent.setup();
    server.use(
      http.delete(`${BASE_URL}/waivers/:id`, () =>
        errorReply(
          409,
          'ConflictError',
          `Waiver '${auditWaiver.id}' is not active (revoked at 2026-01-11T08:00:00.000Z)`,
        ),
      ),
    );
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Revoke the audit waiver' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Revoke waiver' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `Waiver '${auditWaiver.id}' is not active (revoked at 2026-01-11T08:00:00.000Z)`,
    );
    expect(
      screen.getByRole('dialog', {
        name: 'Revoke the audit waiver for eu-central-1?',
      }),
    ).toBeInTheDocument();
  });
});
