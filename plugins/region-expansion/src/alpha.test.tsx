import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  OverridableExtensionDefinition,
  OverridableFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import {
  findInApp,
  findRegionsPageTabs,
  frankfurtCellResource,
  frankfurtResource,
  testAppConfig as config,
  sectionTabLinks,
} from './__testUtils__/appTestKit';
import { setupTestServer } from './__testUtils__/testServer';
import rootDefault from './index';
import alphaDefault, {
  regionalDeploymentsEntityCard,
  regionExpansionEntityContent,
  regionReadinessEntityCard,
  launchCampaignEntityCard,
  regionExpansionTranslationRef,
} from './alpha';

setupTestServer();

const entityExtensions: OverridableExtensionDefinition[] = [
  regionReadinessEntityCard,
  regionalDeploymentsEntityCard,
  launchCampaignEntityCard,
  regionExpansionEntityContent,
];

/**
 * The plugin with all but one of its entity cards and tabs disabled, so a
 * test entity page shows what that one extension adds.
 */
function onlyEntityExtension(kept: OverridableExtensionDefinition) {
  return rootDefault.withOverrides({
    extensions: entityExtensions
      .filter(extension => extension !== kept)
      .map(extension => extension.override({ disabled: true })),
  });
}

/** The plugin's extension with this id, looked up by a plain string. */
function anyExtensionOf(plugin: OverridableFrontendPlugin, id: string) {
  return plugin.getExtension(id);
}

/** Renders the plugin alone in a new-frontend-system app at `url`. */
function renderPluginAt(url: string) {
  return renderTestApp({
    features: [rootDefault],
    initialRouteEntries: [url],
    config,
  });
}

describe('region-expansion in the new frontend system', () => {
  it('is the default export of the package root and of /alpha, with every extension', () => {
    expect(alphaDefault).toBe(rootDefault);
    expect(rootDefault.pluginId).toBe('region-expansion');
    expect(
      [
        'api:region-expansion',
        'page:region-expansion',
        'page:region-expansion/region',
        'page:region-expansion/cell',
        'page:region-expansion/tenants',
        'page:region-expansion/governance',
        'page:region-expansion/compare',
        'page:region-expansion/campaigns',
        'page:region-expansion/campaign',
        'entity-card:region-expansion/region-readiness',
        'entity-card:region-expansion/regional-deployments',
        'entity-card:region-expansion/launch-campaigns',
        'entity-content:region-expansion',
        'scaffolder-form-field:region-expansion/region-picker',
        'search-result-list-item:region-expansion',
      ].filter(id => !anyExtensionOf(rootDefault, id)),
    ).toEqual([]);
  });

  it('adds "Regions" and "Compare Regions" sidebar items with their icons, linking to their pages', async () => {
    renderPluginAt('/region-expansion');
    const item = await screen.findByRole('link', { name: 'Regions' });
    expect(item).toHaveAttribute('href', '/region-expansion');
    expect(within(item).getByTestId('PublicIcon')).toBeInTheDocument();
    const compare = screen.getByRole('link', { name: 'Compare Regions' });
    expect(compare).toHaveAttribute('href', '/region-expansion/compare');
    expect(
      within(compare).getByTestId('CompareArrowsIcon'),
    ).toBeInTheDocument();
    // The Region, cell, tenants and governance pages are reached from the
    // Regions page, not the sidebar.
    expect(
      screen
        .getAllByRole('link')
        .filter(link => link.closest('nav'))
        .map(link => link.textContent),
    ).toEqual(['Regions', 'Compare Regions']);
  });

  it('renders the Regions page at /region-expansion', async () => {
    renderPluginAt('/region-expansion');
    expect(await findRegionsPageTabs()).toEqual(sectionTabLinks);
  });

  // Their loaders start the map's and the grid's chunks with the page's own.
  it('shows the world map on the Regions page and the first tenants in the grid, each loaded on demand', async () => {
    const { unmount } = renderPluginAt('/region-expansion');
    expect(
      await findInApp('group', 'World map of Regions'),
    ).toBeInTheDocument();
    unmount();
    renderPluginAt('/region-expansion/tenants');
    await screen.findByText('Tenant 0', {}, { timeout: 10_000 });
    expect(document.querySelector('[role="grid"]')).toBeInTheDocument();
  });

  it.each([
    [
      'Region',
      '/region-expansion/regions/eu-central-1',
      'heading',
      'Europe (Frankfurt)',
    ],
    [
      'cell',
      '/region-expansion/cells/cell-fra-1',
      'group',
      'Tenants: 40 of 100 used',
    ],
    ['compare', '/region-expansion/compare', 'heading', 'Compare Regions'],
    ['campaigns', '/region-expansion/campaigns', 'table', 'Launch campaigns'],
    [
      'campaign',
      '/region-expansion/campaigns/launch-fra',
      'heading',
      'Campaign launch-fra',
    ],
  ] as const)(
    'renders a %s page at its own route, its id taken from the path',
    async (_page, url, role, name) => {
      renderPluginAt(url);
      expect(await findInApp(role, name)).toBeInTheDocument();
      // Region, cell, compare and campaign pages belong to the Regions tab.
      expect(screen.getByRole('tab', { name: 'Regions' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
    },
  );

  it.each([
    [
      'the readiness card',
      'cell',
      regionReadinessEntityCard,
      frankfurtCellResource,
      'group',
      'Tenants: 40 of 100 used',
    ],
    [
      'the launch campaigns card, linking to each campaign,',
      'Region',
      launchCampaignEntityCard,
      frankfurtResource,
      'link',
      'launch-fra',
    ],
    [
      'a Region expansion tab with the Region page',
      'Region',
      regionExpansionEntityContent,
      frankfurtResource,
      'heading',
      'Europe (Frankfurt)',
    ],
  ] as const)(
    'adds %s to a %s resource',
    async (_what, _kind, extension, entity, role, name) => {
      renderTestApp({
        features: [onlyEntityExtension(extension)],
        extensions: [createTestEntityPage({ entity })],
        config,
      });
      expect(await findInApp(role, name)).toBeInTheDocument();
    },
  );

  it('takes its nav title, tabs and header from the translation ref, so an app can reword them', async () => {
    // Translations are the app plugin's input, so an app adds them through
    // a module of the app plugin.
    const frenchWording = createFrontendModule({
      pluginId: 'app',
      extensions: [
        TranslationBlueprint.make({
          name: 'region-expansion-fr',
          params: {
            resource: createTranslationMessages({
              ref: regionExpansionTranslationRef,
              messages: {
                'nav.title': 'Régions',
                'page.title': 'Expansion régionale',
                'sectionTabs.tenants': 'Locataires',
              },
            }),
          },
        }),
      ],
    });
    renderTestApp({
      features: [rootDefault, frenchWording],
      initialRouteEntries: ['/region-expansion'],
      config,
    });
    expect(
      await screen.findByRole('link', { name: 'Régions' }),
    ).toHaveAttribute('href', '/region-expansion');
    expect(
      await findInApp('heading', 'Expansion régionale'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Locataires' })).toHaveAttribute(
      'href',
      '/region-expansion/tenants',
    );
  });

  it("renders a template's ui:field RegionPicker as the picker, not a text box", async () => {
    const scaffolderApi = {
      getTemplateParameterSchema: jest.fn(async () => ({
        title: 'Onboard a tenant',
        steps: [
          {
            title: 'Where',
            schema: {
              type: 'object',
              properties: {
                targetLocation: {
                  type: 'string',
                  title: 'Target location',
                  'ui:field': 'RegionPicker',
                },
              },
            },
          },
        ],
      })),
    };
    renderTestApp({
      features: [scaffolderPlugin, rootDefault],
      apis: [
        [scaffolderApiRef, scaffolderApi],
        [catalogApiRef, catalogApiMock()],
      ],
      initialRouteEntries: ['/create/templates/default/onboard-tenant'],
      config,
    });
    const picker = await findInApp('combobox', /Target location/);
    await userEvent.click(picker);
    const listbox = within(await screen.findByRole('listbox'));
    expect(
      listbox.getByText('AWS European Sovereign Cloud'),
    ).toBeInTheDocument();
    expect(
      listbox.getByText(/eusc-de-east-1 · AWS European Sovereign Cloud/),
    ).toBeInTheDocument();
  });
});
