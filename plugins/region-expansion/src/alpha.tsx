/**
 * The new frontend system's plugin and its extensions, one by one, for apps
 * that override or disable some of them. The plugin itself is also the
 * package's default export; `/alpha` keeps it for apps that imported it from
 * here.
 *
 * @packageDocumentation
 */
export { regionExpansionFrontendPlugin as default } from './frontend-system/plugin';
export { regionExpansionApi } from './frontend-system/apiExtension';
export {
  regionsPage,
  regionPage,
  cellPage,
  tenantsPage,
  governancePage,
  comparePage,
  campaignsPage,
  campaignPage,
} from './frontend-system/pages';
export {
  regionReadinessEntityCard,
  regionalDeploymentsEntityCard,
  launchCampaignEntityCard,
  regionExpansionEntityContent,
} from './frontend-system/entityExtensions';
export { regionPickerFormField } from './frontend-system/regionPickerField';
export { regionExpansionSearchResultListItem } from './search/extensions';
export { regionExpansionTranslationRef } from './translation';
