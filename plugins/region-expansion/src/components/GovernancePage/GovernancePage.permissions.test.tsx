import { screen } from '@testing-library/react';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { expectNoneShown } from '../../__testUtils__/expectNoneShown';
import { governanceHandlers } from '../../__testUtils__/governanceHandlers';

const server = setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('GovernancePage without governance.export and governance.sync', () => {
  it('hides the evidence download and sync, naming the permissions', async () => {
    server.use(...governanceHandlers([]));
    await renderPage('/region-expansion/governance', {
      allow: name => name === 'region-expansion.governance.read',
    });
    expect(
      await screen.findByText('region-expansion.governance.export'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('region-expansion.governance.sync'),
    ).toBeInTheDocument();
    expectNoneShown([
      ['button', 'Download evidence bundle'],
      ['button', 'Sync now'],
    ]);
  });
});
