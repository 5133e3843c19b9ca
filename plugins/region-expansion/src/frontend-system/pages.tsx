import PublicIcon from '@mui/icons-material/Public';
import { compatWrapper } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../translation';
import { rootPageRouteRef } from './routes';

/**
 * A page's loader: its content, loaded on demand, inside the plugin's header
 * and section tabs. The layout draws the header, so the pages opt out of the
 * app's default plugin header (`noHeader`) instead of showing two.
 */
function inLayout(load: () => Promise<JSX.Element>) {
  return () =>
    Promise.all([import('../components/RegionExpansionPage'), load()]).then(
      ([{ RegionExpansionLayout }, content]) =>
        compatWrapper(<RegionExpansionLayout>{content}</RegionExpansionLayout>),
    );
}

/**
 * The Regions map and grid at `/region-expansion`; its title and icon give
 * the app's sidebar its "Regions" item.
 *
 * @alpha
 */
export const regionsPage = PageBlueprint.make({
  params: {
    path: '/region-expansion',
    title: regionExpansionTranslationRef('nav.title'),
    icon: <PublicIcon fontSize="inherit" />,
    routeRef: rootPageRouteRef,
    noHeader: true,
    loader: inLayout(() =>
      import('../components/RegionsPage').then(m => <m.RegionsPage />),
    ),
  },
});

/**
 * One Region, Local Zone or Outpost at `/region-expansion/regions/:locationId`
 * (the path of the `region` sub-route of the plugin's root route).
 *
 * @alpha
 */
export const regionPage = PageBlueprint.make({
  name: 'region',
  params: {
    path: '/region-expansion/regions/:locationId',
    title: regionExpansionTranslationRef('page.regionTitle'),
    noHeader: true,
    loader: inLayout(() =>
      import('../components/RegionPage').then(m => <m.RegionPage />),
    ),
  },
});

/**
 * One cell at `/region-expansion/cells/:cellId`.
 *
 * @alpha
 */
export const cellPage = PageBlueprint.make({
  name: 'cell',
  params: {
    path: '/region-expansion/cells/:cellId',
    title: regionExpansionTranslationRef('page.cellTitle'),
    noHeader: true,
    loader: inLayout(() =>
      import('../components/CellPage').then(m => <m.CellPage />),
    ),
  },
});

/**
 * The tenants table with what-if at `/region-expansion/tenants`.
 *
 * @alpha
 */
export const tenantsPage = PageBlueprint.make({
  name: 'tenants',
  params: {
    path: '/region-expansion/tenants',
    title: regionExpansionTranslationRef('sectionTabs.tenants'),
    noHeader: true,
    loader: inLayout(() =>
      import('../components/TenantsPage').then(m => <m.TenantsPage />),
    ),
  },
});

/**
 * The auditors' governance dashboard at `/region-expansion/governance`.
 *
 * @alpha
 */
export const governancePage = PageBlueprint.make({
  name: 'governance',
  params: {
    path: '/region-expansion/governance',
    title: regionExpansionTranslationRef('sectionTabs.governance'),
    noHeader: true,
    loader: inLayout(() =>
      import('../components/GovernancePage').then(m => <m.GovernancePage />),
    ),
  },
});
