import { createApp } from '@backstage/frontend-defaults';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import appModuleUserSettings from '@backstage/plugin-app-module-user-settings';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import techdocsPlugin from '@backstage/plugin-techdocs/alpha';
import { techDocsReportIssueAddonModule } from '@backstage/plugin-techdocs-module-addons-contrib/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import regionExpansionPlugin from '@region-expansion/plugin-region-expansion';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The features of the demo portal. Listed rather than discovered, so that
 * the app's test renders exactly what the portal serves.
 */
export const features = [
  catalogPlugin,
  catalogGraphPlugin,
  catalogImportPlugin,
  apiDocsPlugin,
  orgPlugin,
  scaffolderPlugin,
  searchPlugin,
  techdocsPlugin,
  techDocsReportIssueAddonModule,
  userSettingsPlugin,
  appModuleUserSettings,
  notificationsPlugin,
  signalsPlugin,
  regionExpansionPlugin,
  navModule,
  signInModule,
];

export default createApp({ features });
