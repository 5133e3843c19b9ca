import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { frankfurtResource } from '../../__testUtils__/appTestKit';
import {
  renderPage,
  renderWithPlugin,
} from '../../__testUtils__/renderWithPlugin';
import {
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { LaunchCampaignCard } from '../EntityCards/LaunchCampaignCard';

const server = setupTestServer();

const denyCampaignRead = (name: string) =>
  name !== 'region-expansion.campaign.read';

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('campaigns without region-expansion.campaign.read', () => {
  it('the campaigns page names the permission and asks the backend for nothing', async () => {
    const requests = recordRequests(server, '/campaigns');
    await renderPage('/region-expansion/campaigns', {
      allow: denyCampaignRead,
    });
    expect(
      await screen.findByText(/Reading campaigns needs the/),
    ).toHaveTextContent('region-expansion.campaign.read');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('the entity card names the permission instead of campaigns', async () => {
    await renderWithPlugin(
      <EntityProvider entity={frankfurtResource}>
        <LaunchCampaignCard />
      </EntityProvider>,
      { allow: denyCampaignRead },
    );
    expect(
      await screen.findByText(/Reading campaigns needs the/),
    ).toHaveTextContent('region-expansion.campaign.read');
    expect(screen.queryByText('launch-fra')).not.toBeInTheDocument();
  });
});
