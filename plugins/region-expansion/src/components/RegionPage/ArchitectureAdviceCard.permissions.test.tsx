import { screen } from '@testing-library/react';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { ArchitectureAdviceCard } from './ArchitectureAdviceCard';

const server = setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('Architecture advice without readiness.read', () => {
  it('names the missing permission and asks the backend nothing', async () => {
    const requests = recordRequests(server, '/advice');
    await renderWithPlugin(
      <ArchitectureAdviceCard locationId="eu-central-1" />,
      {
        allow: name => name !== 'region-expansion.readiness.read',
      },
    );
    expect(
      await screen.findByText(/Architecture advice needs the/),
    ).toHaveTextContent(
      'Architecture advice needs the region-expansion.readiness.read permission.',
    );
    expect(
      screen.queryByRole('combobox', { name: 'Data classification' }),
    ).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });
});
