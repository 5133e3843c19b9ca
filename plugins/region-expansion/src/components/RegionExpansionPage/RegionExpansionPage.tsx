import {
  Route,
  Routes,
  Link as RouterLink,
  useLocation,
} from 'react-router-dom';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Header, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  governanceRouteRef,
  rootRouteRef,
  tenantsRouteRef,
} from '../../routes';
import { RegionsPage } from '../RegionsPage';
import { TenantsPage } from '../TenantsPage';
import { lazyPage } from '../shared/lazyPage';

// Chunks of their own, so the Regions and Tenants pages start their requests
// without first parsing code they do not use: the Region and cell pages and
// the governance dashboard bring recharts (~0.45 MB minified). The tenants
// table's DataGrid is split the same way inside TenantsTable. No
// React.lazy: it would hold each page back 500 ms behind a Suspense fallback.
const RegionPage = lazyPage(() =>
  import('../RegionPage').then(m => m.RegionPage),
);
const CellPage = lazyPage(() => import('../CellPage').then(m => m.CellPage));
const GovernancePage = lazyPage(() =>
  import('../GovernancePage').then(m => m.GovernancePage),
);

function SectionTabs() {
  const { pathname } = useLocation();
  const rootLink = useRouteRef(rootRouteRef)();
  const tenantsLink = useRouteRef(tenantsRouteRef)();
  const governanceLink = useRouteRef(governanceRouteRef)();
  const tabs = [
    { label: 'Regions', to: rootLink },
    { label: 'Tenants', to: tenantsLink },
    { label: 'Governance', to: governanceLink },
  ];
  // Region and cell pages belong to the Regions tab.
  const current = tabs.findIndex(
    tab => tab.to !== rootLink && pathname.startsWith(tab.to),
  );
  return (
    <Tabs
      value={current === -1 ? 0 : current}
      aria-label="Region Expansion sections"
      // Backstage's Page is a CSS grid: without an area the tabs would be
      // auto-placed into the navigation column and push the content aside,
      // and a tall page would squeeze their row below the tabs' height.
      sx={{ px: 3, gridArea: 'pageSubheader', minHeight: 48 }}
    >
      {tabs.map(tab => (
        <Tab
          key={tab.label}
          label={tab.label}
          component={RouterLink}
          to={tab.to}
        />
      ))}
    </Tabs>
  );
}

/**
 * The plugin's page: header, section tabs and the nested routes for Regions,
 * one Region, one cell, tenants, and the governance dashboard.
 */
export function RegionExpansionPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Region Expansion"
        subtitle="Partitions, Regions, cells, tenants and their readiness"
      />
      <SectionTabs />
      <Routes>
        <Route path="/" element={<RegionsPage />} />
        <Route path="/regions/:locationId" element={<RegionPage />} />
        <Route path="/cells/:cellId" element={<CellPage />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/governance" element={<GovernancePage />} />
      </Routes>
    </Page>
  );
}
