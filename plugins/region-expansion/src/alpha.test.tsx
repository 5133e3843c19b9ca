import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { defaultHandlers } from './__testUtils__/testServer';
import plugin, {
  regionExpansionApi,
  regionReadinessEntityCard,
  regionalDeploymentsEntityCard,
} from './alpha';

registerMswTestHooks(setupServer(...defaultHandlers));

describe('region-expansion alpha plugin', () => {
  it('registers the API, the page and both entity cards', () => {
    expect(plugin.pluginId).toBe('region-expansion');
    expect(plugin.getExtension('api:region-expansion')).toBeDefined();
    expect(plugin.getExtension('page:region-expansion')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:region-expansion/region-readiness'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:region-expansion/regional-deployments'),
    ).toBeDefined();
    expect(regionExpansionApi).toBeDefined();
    expect(regionReadinessEntityCard).toBeDefined();
    expect(regionalDeploymentsEntityCard).toBeDefined();
  });

  it('renders the Regions page through the new frontend system', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/region-expansion'],
      config: { backend: { baseUrl: 'http://localhost' } },
    });
    expect(
      await screen.findByText(
        /Showing 3 of 3 Regions/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
