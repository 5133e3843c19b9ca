import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { regionExpansionApi } from './apiExtension';
import {
  launchCampaignEntityCard,
  regionalDeploymentsEntityCard,
  regionExpansionEntityContent,
  regionReadinessEntityCard,
} from './entityExtensions';
import {
  campaignPage,
  campaignsPage,
  cellPage,
  comparePage,
  governancePage,
  regionPage,
  regionsPage,
  tenantsPage,
} from './pages';
import { regionPickerFormField } from './regionPickerField';
import { regionExpansionSearchResultListItem } from '../search/extensions';
import { frontendPluginRoutes } from './routes';

/**
 * The Region Expansion plugin for the new frontend system: the package's
 * default export, which feature discovery and `createApp({ features })`
 * install.
 *
 * @public
 */
export const regionExpansionFrontendPlugin = createFrontendPlugin({
  pluginId: 'region-expansion',
  title: 'Region Expansion',
  routes: frontendPluginRoutes,
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    regionExpansionApi,
    regionsPage,
    regionPage,
    cellPage,
    tenantsPage,
    governancePage,
    comparePage,
    campaignsPage,
    campaignPage,
    regionReadinessEntityCard,
    regionalDeploymentsEntityCard,
    launchCampaignEntityCard,
    regionExpansionEntityContent,
    regionPickerFormField,
    regionExpansionSearchResultListItem,
  ],
});
