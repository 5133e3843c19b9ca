import { screen } from '@testing-library/react';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { expectNoneShown } from '../../__testUtils__/expectNoneShown';
import { ComparePage } from './ComparePage';

const server = setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('Compare Regions without readiness.read', () => {
  it('shows no form, names the missing permission and calls nothing', async () => {
    const requests = recordRequests(server);
    await renderWithPlugin(<ComparePage />, {
      allow: name => name !== 'region-expansion.readiness.read',
    });
    expect(
      await screen.findByText(/Comparing locations needs the/),
    ).toHaveTextContent(
      'Comparing locations needs the region-expansion.readiness.read permission.',
    );
    expect(
      screen.getByRole('heading', { name: 'Compare Regions' }),
    ).toBeInTheDocument();
    expectNoneShown([
      ['form', 'Compare locations'],
      ['button', 'Compare'],
    ]);
    expect(requests.map(url => url.pathname)).toEqual([]);
  });
});
