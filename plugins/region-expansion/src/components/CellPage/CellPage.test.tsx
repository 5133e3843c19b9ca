import { screen } from '@testing-library/react';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';

setupTestServer();

describe('CellPage', () => {
  it('shows a cell with a gauge per capacity dimension', async () => {
    await renderPage('/region-expansion/cells/cell-fra-1');
    expect(
      await screen.findByRole('group', { name: 'Tenants: 40 of 100 used' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Frankfurt pooled 1')).toBeInTheDocument();
  });

  it("shows the server's message for a missing cell", async () => {
    await renderPage('/region-expansion/cells/cell-gone');
    expect(
      await screen.findByText("Cell 'cell-gone' not found"),
    ).toBeInTheDocument();
  });
});
