import { screen, within } from '@testing-library/react';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';

setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('TenantsPage without placement.execute and cell.read', () => {
  it('hides migrate and what-if and names the missing permissions', async () => {
    await renderPage(
      '/region-expansion/tenants?tenant=tenant-001&whatIf=open',
      {
        allow: name =>
          name !== 'region-expansion.placement.execute' &&
          name !== 'region-expansion.cell.read',
      },
    );
    const drawer = await screen.findByRole('region', {
      name: 'Tenant tenant-001',
    });
    expect(
      await within(drawer).findByText(
        'region-expansion.placement.execute',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(drawer).queryByText('Migrate')).toBeNull();
    expect(
      await screen.findByText('region-expansion.cell.read'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Run what-if')).toBeNull();
  });
});
