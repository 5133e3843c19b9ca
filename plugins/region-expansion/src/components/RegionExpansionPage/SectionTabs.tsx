import { Link as RouterLink, useLocation } from 'react-router-dom';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  governanceRouteRef,
  rootRouteRef,
  tenantsRouteRef,
} from '../../routes';
import { regionExpansionTranslationRef } from '../../translation';

/** The Regions, Tenants and Governance tabs under the plugin's header. */
export function SectionTabs() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const { pathname } = useLocation();
  const rootLink = useRouteRef(rootRouteRef)();
  const tenantsLink = useRouteRef(tenantsRouteRef)();
  const governanceLink = useRouteRef(governanceRouteRef)();
  const tabs = [
    { label: t('sectionTabs.regions'), to: rootLink },
    { label: t('sectionTabs.tenants'), to: tenantsLink },
    { label: t('sectionTabs.governance'), to: governanceLink },
  ];
  // Region and cell pages belong to the Regions tab.
  const current = tabs.findIndex(
    tab => tab.to !== rootLink && pathname.startsWith(tab.to),
  );
  return (
    <Tabs
      value={current === -1 ? 0 : current}
      aria-label={t('page.sectionsLabel')}
      // Backstage's Page is a CSS grid: without an area the tabs would be
      // auto-placed into the navigation column and push the content aside,
      // and a tall page would squeeze their row below the tabs' height.
      sx={{ px: 3, gridArea: 'pageSubheader', minHeight: 48 }}
    >
      {tabs.map(tab => (
        <Tab
          key={tab.to}
          label={tab.label}
          component={RouterLink}
          to={tab.to}
        />
      ))}
    </Tabs>
  );
}
