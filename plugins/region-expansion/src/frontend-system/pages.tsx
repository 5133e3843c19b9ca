import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import PublicIcon from '@mui/icons-material/Public';
import { compatWrapper } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../translation';
import { comparePageRouteRef, rootPageRouteRef } from './routes';

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
 * Starts loading a chunk the page shows as soon as its data is there, while
 * the page's own chunk is still loading: the page's `lazyComponent` then
 * finds the same request under way instead of starting it after its first
 * render. A failure is shown by that component, which loads it again.
 */
function prefetch(load: () => Promise<unknown>) {
  load().catch(() => undefined);
}

/**
 * The pages below the Regions page, each at the path of the matching
 * sub-route of the plugin's root route (where the plugin's links point).
 */
const sections = {
  region: {
    path: 'regions/:locationId',
    title: regionExpansionTranslationRef('page.regionTitle'),
    load: () => import('../components/RegionPage').then(m => <m.RegionPage />),
  },
  cell: {
    path: 'cells/:cellId',
    title: regionExpansionTranslationRef('page.cellTitle'),
    load: () => import('../components/CellPage').then(m => <m.CellPage />),
  },
  tenants: {
    path: 'tenants',
    title: regionExpansionTranslationRef('sectionTabs.tenants'),
    load: () => {
      prefetch(() => import('../components/TenantsPage/TenantsGrid'));
      return import('../components/TenantsPage').then(m => <m.TenantsPage />);
    },
  },
  governance: {
    path: 'governance',
    title: regionExpansionTranslationRef('sectionTabs.governance'),
    load: () =>
      import('../components/GovernancePage').then(m => <m.GovernancePage />),
  },
  compare: {
    path: 'compare',
    title: regionExpansionTranslationRef('comparePage.title'),
    // Where to expand is a decision of its own, so it gets a sidebar item.
    icon: <CompareArrowsIcon fontSize="inherit" />,
    routeRef: comparePageRouteRef,
    load: () =>
      import('../components/ComparePage').then(m => <m.ComparePage />),
  },
  campaigns: {
    path: 'campaigns',
    title: regionExpansionTranslationRef('page.campaignsTitle'),
    load: () =>
      import('../components/CampaignsPage').then(m => <m.CampaignsPage />),
  },
  campaign: {
    path: 'campaigns/:campaignId',
    title: regionExpansionTranslationRef('page.campaignTitle'),
    load: () =>
      import('../components/CampaignPage').then(m => <m.CampaignPage />),
  },
};

/** The page of one section; without an icon and route ref it adds no sidebar item. */
function sectionPage<TName extends keyof typeof sections>(name: TName) {
  const section: (typeof sections)[keyof typeof sections] & {
    icon?: JSX.Element;
    routeRef?: typeof comparePageRouteRef;
  } = sections[name];
  const { path, title, icon, routeRef, load } = section;
  return PageBlueprint.make({
    name,
    params: {
      path: `/region-expansion/${path}`,
      title,
      ...(icon ? { icon } : {}),
      ...(routeRef ? { routeRef } : {}),
      noHeader: true,
      loader: inLayout(load),
    },
  });
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
    loader: inLayout(() => {
      prefetch(() => import('../components/RegionsPage/RegionsMap'));
      return import('../components/RegionsPage').then(m => <m.RegionsPage />);
    }),
  },
});

/** One Region, Local Zone or Outpost: `/region-expansion/regions/:locationId`. @alpha */
export const regionPage = sectionPage('region');

/** One cell: `/region-expansion/cells/:cellId`. @alpha */
export const cellPage = sectionPage('cell');

/** The tenants table with what-if: `/region-expansion/tenants`. @alpha */
export const tenantsPage = sectionPage('tenants');

/** The auditors' governance dashboard: `/region-expansion/governance`. @alpha */
export const governancePage = sectionPage('governance');

/**
 * "Compare Regions": ranked candidate locations for a workload and tenant
 * classes, `/region-expansion/compare`, with its own sidebar item. @alpha
 */
export const comparePage = sectionPage('compare');

/** Region launch campaigns: `/region-expansion/campaigns`. @alpha */
export const campaignsPage = sectionPage('campaigns');

/** One launch campaign: `/region-expansion/campaigns/:campaignId`. @alpha */
export const campaignPage = sectionPage('campaign');
