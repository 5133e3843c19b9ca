import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  frankfurtCellResource,
  frankfurtResource,
} from '../../__testUtils__/appTestKit';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  recordBodies,
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { LaunchCampaignCard } from './LaunchCampaignCard';
import { isLaunchLocationResource } from './LaunchCampaignCard.filter';

const server = setupTestServer();

/** Renders the card on the Frankfurt Region's catalog page. */
const renderCard = () =>
  renderWithPlugin(
    <EntityProvider entity={frankfurtResource}>
      <LaunchCampaignCard />
    </EntityProvider>,
  );

describe('LaunchCampaignCard', () => {
  it("lists the location's campaigns with their progress, each linking to its page", async () => {
    const requests = recordRequests(server, '/campaigns');
    await renderCard();
    const list = await screen.findByRole('list', {
      name: 'Launch campaigns of eu-central-1',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(
      'Target 2026-12-04 · 1 of 3 gates passed · 8 of 10 tenants onboarded',
    );
    expect(items[0]).toHaveTextContent('at risk');
    expect(
      within(items[0]).getByRole('link', { name: 'launch-fra' }),
    ).toHaveAttribute('href', '/region-expansion/campaigns/launch-fra');
    expect(requests.map(url => url.searchParams.get('locationId'))).toEqual([
      'eu-central-1',
    ]);
    expect(
      screen.getByRole('link', { name: /All campaigns of this location/ }),
    ).toHaveAttribute(
      'href',
      '/region-expansion/campaigns?location=eu-central-1',
    );
  });

  it('says so when no campaign launches the location', async () => {
    recordBodies(server, 'get', '/campaigns', { items: [] });
    await renderCard();
    expect(
      await screen.findByText('No launch campaign for eu-central-1.'),
    ).toBeInTheDocument();
  });

  it('is shown on Region resources, not on cells', () => {
    expect(isLaunchLocationResource(frankfurtResource)).toBe(true);
    expect(isLaunchLocationResource(frankfurtCellResource)).toBe(false);
  });
});
