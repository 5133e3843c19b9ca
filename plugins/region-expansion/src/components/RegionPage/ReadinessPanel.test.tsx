import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type {
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { auditWaiver, frankfurtEvaluation } from '../../__testUtils__/fixtures';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { ReadinessPanel } from './ReadinessPanel';

const server = setupTestServer();

/** Frankfurt's audit waiver once revoked. */
const revokedAuditWaiver: StoredReadinessWaiver = {
  ...auditWaiver,
  status: 'revoked',
  revokedBy: 'user:default/admin',
  revokedAt: '2026-01-11T09:00:00.000Z',
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

/** Frankfurt's readiness panel, as its Region page shows it. */
const renderFrankfurt = () =>
  renderWithPlugin(<ReadinessPanel locationId="eu-central-1" />);

describe('ReadinessPanel', () => {
  it("adds a waiver and shows the server's message when it is refused", async () => {
    const bodies = failRoute(server, 'post', '/waivers', {
      status: 400,
      name: 'InputError',
      message:
        'expiresAt: must be at most 90 days ahead, on or before 2026-04-10T00:00:00.000Z',
    });
    await renderFrankfurt();
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

  it('revokes an active waiver after confirmation, then reloads the waivers and readiness', async () => {
    const user = userEvent.setup();
    const revoked: string[] = [];
    server.use(
      http.delete(`${BASE_URL}/waivers/:id`, ({ params }) => {
        revoked.push(String(params.id));
        return HttpResponse.json({
          waiver: revokedAuditWaiver,
          evaluation: afterRevocation,
        });
      }),
      http.get(`${BASE_URL}/waivers`, () =>
        HttpResponse.json({
          items: [revoked.length ? revokedAuditWaiver : auditWaiver],
        }),
      ),
      http.get(`${BASE_URL}/readiness/eu-central-1`, () =>
        HttpResponse.json(
          revoked.length ? afterRevocation : frankfurtEvaluation,
        ),
      ),
    );
    await renderFrankfurt();

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
    await renderFrankfurt();
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
    failRoute(server, 'delete', '/waivers/:id', {
      status: 409,
      name: 'ConflictError',
      message: `Waiver '${auditWaiver.id}' is not active (revoked at 2026-01-11T08:00:00.000Z)`,
    });
    await renderFrankfurt();
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
