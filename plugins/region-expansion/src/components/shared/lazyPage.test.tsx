import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { lazyPage } from './lazyPage';

function RegionView() {
  return (
    <>
      <p>Region page</p>
      <Link to="/cells/cell-1">Open the cell</Link>
    </>
  );
}

function CellView() {
  return <p>Cell page</p>;
}

describe('lazyPage', () => {
  it('switches pages when the route changes, even for pages of one chunk', async () => {
    // Both pages come from one module, as the Region and cell pages do.
    const chunk = Promise.resolve({ RegionView, CellView });
    const RegionPage = lazyPage(() => chunk.then(m => m.RegionView));
    const CellPage = lazyPage(() => chunk.then(m => m.CellView));
    render(
      <MemoryRouter initialEntries={['/regions/eu-central-1']}>
        <Routes>
          <Route path="/regions/:locationId" element={<RegionPage />} />
          <Route path="/cells/:cellId" element={<CellPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Region page')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Open the cell' }));
    expect(await screen.findByText('Cell page')).toBeInTheDocument();
    expect(screen.queryByText('Region page')).toBeNull();
  });

  it('shows an error panel when the chunk fails to load', async () => {
    const Page = lazyPage(() => Promise.reject(new Error('chunk 7 failed')));
    await renderInTestApp(<Page />);
    expect(
      await screen.findByText(/Could not load this page/),
    ).toBeInTheDocument();
  });
});
