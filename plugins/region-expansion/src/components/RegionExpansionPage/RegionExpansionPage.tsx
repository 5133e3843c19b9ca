import { Route, Routes } from 'react-router-dom';
import { RegionsPage } from '../RegionsPage';
import { TenantsPage } from '../TenantsPage';
import { lazyPage } from '../shared/lazyPage';
import { RegionExpansionLayout } from './RegionExpansionLayout';

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
const CampaignsPage = lazyPage(() =>
  import('../CampaignsPage').then(m => m.CampaignsPage),
);
const CampaignPage = lazyPage(() =>
  import('../CampaignPage').then(m => m.CampaignPage),
);
const ComparePage = lazyPage(() =>
  import('../ComparePage').then(m => m.ComparePage),
);

/**
 * The plugin's page in a legacy app: header, section tabs and the nested
 * routes for Regions, one Region, one cell, tenants, the governance
 * dashboard, the comparison of Regions and launch campaigns. (The new frontend system mounts
 * one page extension per route.)
 */
export function RegionExpansionPage() {
  return (
    <RegionExpansionLayout>
      <Routes>
        <Route path="/" element={<RegionsPage />} />
        <Route path="/regions/:locationId" element={<RegionPage />} />
        <Route path="/cells/:cellId" element={<CellPage />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/governance" element={<GovernancePage />} />
        <Route path="/compare" element={<ComparePage />} />
        <Route path="/campaigns" element={<CampaignsPage />} />
        <Route path="/campaigns/:campaignId" element={<CampaignPage />} />
      </Routes>
    </RegionExpansionLayout>
  );
}
