import { screen } from '@testing-library/react';
import {
  renderWithPlugin,
  setupTestServer,
} from '../../__testUtils__/testServer';

setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('RegionPage without waiver.manage', () => {
  it('hides "Evaluate now" and the waiver form, naming the permission', async () => {
    await renderWithPlugin(undefined, {
      routeEntries: ['/region-expansion/regions/eu-central-1'],
      allow: name => name !== 'region-expansion.waiver.manage',
    });
    expect(await screen.findByText('Readiness: blocked')).toBeInTheDocument();
    expect(
      await screen.findByText('region-expansion.waiver.manage'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Evaluate now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Add a waiver for eu-central-1' }),
    ).not.toBeInTheDocument();
  });
});
