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
import { RegionPage } from '../RegionPage';
import { CellPage } from '../RegionPage/CellPage';
import { TenantsPage } from '../TenantsPage';
import { GovernancePage } from '../GovernancePage';

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
      sx={{ px: 3 }}
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
