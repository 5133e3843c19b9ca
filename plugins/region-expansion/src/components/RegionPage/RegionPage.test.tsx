import { READINESS_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import { screen, within } from '@testing-library/react';
import { createTheme } from '@mui/material/styles';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { readableTextColour } from '../shared/readableTextColour';

setupTestServer();

// Whole Region pages on a loaded 2-core CI machine take seconds each.

describe('RegionPage', () => {
  it('shows the latest readiness, its signals, blockers, waivers and history, and a gauge per capacity dimension', async () => {
    await renderPage('/region-expansion/regions/eu-central-1');

    expect(
      await screen.findByRole('heading', { name: 'Europe (Frankfurt)' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Readiness: blocked')).toBeInTheDocument();
    const signals = screen.getByRole('list', { name: 'Readiness signals' });
    // One per readiness check, the governance coverage proofs included.
    expect(within(signals).getAllByRole('listitem')).toHaveLength(
      READINESS_CHECKS.length,
    );
    expect(
      within(signals).getByRole('listitem', {
        name: 'governance-coverage:security-hub: pass',
      }),
    ).toHaveTextContent('Proven for eu-central-1');
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
    await renderPage('/region-expansion/regions/us-east-1');
    expect(await screen.findByText('Readiness: unknown')).toBeInTheDocument();
    expect(
      screen.getByText(/has no readiness evaluation yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('Became ready at: never')).toBeInTheDocument();
    // Portal users get what to do in the portal, not the API route.
    expect(screen.queryByText(/POST \//)).not.toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      /Evaluate now, or wait for the scheduled evaluation/,
    );
  });

  it("counts a Local Zone's cells under its parent Region", async () => {
    await renderPage('/region-expansion/regions/us-east-1');
    expect(await screen.findByText('Cells (1)')).toBeInTheDocument();
    expect(screen.getByText('Boston pooled 1')).toBeInTheDocument();
  });

  it('explains an unknown location', async () => {
    const { container } = await renderPage(
      '/region-expansion/regions/xx-nowhere-1',
    );
    expect(
      await screen.findByText('Unknown location xx-nowhere-1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Pick it from the Regions page/),
    ).toBeInTheDocument();
    expect(container).not.toHaveTextContent(
      /app-config|packages\/backend|POST \//,
    );
  });

  it('says where in the portal to create a cell when a location has none', async () => {
    await renderPage('/region-expansion/regions/eusc-de-east-1');
    expect(await screen.findByText('No cells here yet')).toBeInTheDocument();
    const description = screen.getByText(
      /Create page: choose "New Regional application plane"/,
    );
    expect(description).not.toHaveTextContent(
      /app-config|packages\/backend|POST \//,
    );
  });

  it('colours the signal status chips from a dark theme', async () => {
    const dark = createTheme({ palette: { mode: 'dark' } });
    await renderPage('/region-expansion/regions/eu-central-1', {
      theme: dark,
    });
    const signals = await screen.findByRole('list', {
      name: 'Readiness signals',
    });
    const chip = (name: string, status: string) =>
      within(within(signals).getByRole('listitem', { name }))
        .getByText(status)
        .closest('[class*="MuiChip-root"]');
    const fail = dark.palette.error.main;
    expect(chip('availability: fail', 'fail')).toHaveStyle({
      backgroundColor: fail,
      color: readableTextColour(fail, dark.palette),
    });
    const unknown = dark.palette.grey[500];
    expect(chip('resilience: unknown', 'unknown')).toHaveStyle({
      backgroundColor: unknown,
      color: readableTextColour(unknown, dark.palette),
    });
  });
});
