import { screen, within } from '@testing-library/react';
import {
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';

setupTestServer();

describe('RegionPage', () => {
  it('shows readiness as unknown and a gauge per capacity dimension of each cell', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
    });

    expect(
      await screen.findByRole('heading', { name: 'Europe (Frankfurt)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Readiness: unknown')).toBeInTheDocument();
    const signals = screen.getByRole('list', { name: 'Readiness signals' });
    expect(within(signals).getAllByText('unknown: no signal')).toHaveLength(6);

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
});
