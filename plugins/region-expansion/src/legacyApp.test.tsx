import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router-dom';
import type { Entity } from '@backstage/catalog-model';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  findInApp,
  findRegionsPageTabs,
  frankfurtResource,
  testAppConfig,
  sectionTabLinks,
} from './__testUtils__/appTestKit';
import { setupTestServer } from './__testUtils__/testServer';
import {
  EntityLaunchCampaignCard,
  EntityRegionalDeploymentsCard,
  EntityRegionReadinessCard,
  RegionExpansionPage,
  regionExpansionPlugin,
} from './index';

setupTestServer();

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    annotations: { 'region-expansion.io/deployments': 'eusc-de-east-1' },
  },
};

/** Test pages of one entity with one of the plugin's cards. */
const entityPages = [
  {
    path: '/entity/region',
    entity: frankfurtResource,
    Card: EntityRegionReadinessCard,
  },
  {
    path: '/entity/component',
    entity: billing,
    Card: EntityRegionalDeploymentsCard,
  },
  {
    path: '/entity/campaigns',
    entity: frankfurtResource,
    Card: EntityLaunchCampaignCard,
  },
];

/**
 * A legacy app as `App.tsx` of a legacy Backstage app builds it, with the
 * package's legacy named exports: the plugin, its routable page and the
 * entity cards. No test double stands in for the plugin's client: it calls
 * the msw test server through the app's own discovery and fetch APIs.
 */
function renderLegacyAppAt(url: string) {
  window.history.pushState({}, '', url);
  const app = createApp({
    plugins: [regionExpansionPlugin],
    configLoader: async () => [
      {
        context: 'test',
        data: testAppConfig,
      },
    ],
  });
  const AppProvider = app.getProvider();
  const AppRouter = app.getRouter();
  return render(
    <AppProvider>
      <AppRouter>
        <FlatRoutes>
          <Route path="/region-expansion" element={<RegionExpansionPage />} />
          {entityPages.map(({ path, entity, Card }) => (
            <Route
              key={path}
              path={path}
              element={
                <EntityProvider entity={entity}>
                  <Card />
                </EntityProvider>
              }
            />
          ))}
        </FlatRoutes>
      </AppRouter>
    </AppProvider>,
  );
}

describe('region-expansion in a legacy app', () => {
  it('renders the routable Regions page with its section tabs', async () => {
    renderLegacyAppAt('/region-expansion');
    expect(await findRegionsPageTabs()).toEqual(sectionTabLinks);
  });

  it('renders a Region page under the routable page', async () => {
    renderLegacyAppAt('/region-expansion/regions/eu-central-1');
    expect(
      await findInApp('heading', 'Europe (Frankfurt)'),
    ).toBeInTheDocument();
  });

  it('renders the Compare Regions page under the routable page, linked from the Regions page', async () => {
    renderLegacyAppAt('/region-expansion');
    const link = await findInApp('link', 'Compare Regions');
    expect(link).toHaveAttribute('href', '/region-expansion/compare');
    await userEvent.click(link);
    expect(await findInApp('heading', 'Compare Regions')).toBeInTheDocument();
  });

  it('renders the launch campaigns page under the routable page, linked from the Regions page, and a campaign from it', async () => {
    renderLegacyAppAt('/region-expansion');
    const link = await findInApp('link', 'Launch campaigns');
    expect(link).toHaveAttribute('href', '/region-expansion/campaigns');
    await userEvent.click(link);
    await userEvent.click(await findInApp('link', 'launch-fra'));
    expect(
      await findInApp('heading', 'Campaign launch-fra'),
    ).toBeInTheDocument();
  });

  it('renders the launch campaigns card on a Region resource, linking to the campaign', async () => {
    renderLegacyAppAt('/entity/campaigns');
    expect(await findInApp('link', 'launch-fra')).toHaveAttribute(
      'href',
      '/region-expansion/campaigns/launch-fra',
    );
  });

  it('renders the readiness card on a Region resource', async () => {
    renderLegacyAppAt('/entity/region');
    expect(
      await screen.findByText('Readiness: blocked', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Europe (Frankfurt) (eu-central-1)' }),
    ).toHaveAttribute('href', '/region-expansion/regions/eu-central-1');
  });

  it('renders the regional deployments card, linking into the mounted page', async () => {
    renderLegacyAppAt('/entity/component');
    expect(
      await findInApp(
        'link',
        'AWS European Sovereign Cloud (Germany) (eusc-de-east-1)',
      ),
    ).toHaveAttribute('href', '/region-expansion/regions/eusc-de-east-1');
  });
});
