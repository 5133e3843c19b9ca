import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-visible strings of the Region Expansion frontend, one group per
 * component, so an app can translate or reword them (new frontend system:
 * `TranslationBlueprint` from `@backstage/plugin-app-react`; legacy apps:
 * `createApp({ __experimentalTranslations })`).
 *
 * @public
 */
export const regionExpansionTranslationRef = createTranslationRef({
  id: 'plugin.region-expansion',
  messages: {
    nav: {
      title: 'Regions',
    },
    page: {
      title: 'Region Expansion',
      subtitle: 'Partitions, Regions, cells, tenants and their readiness',
      sectionsLabel: 'Region Expansion sections',
      regionTitle: 'Region',
      cellTitle: 'Cell',
    },
    sectionTabs: {
      regions: 'Regions',
      tenants: 'Tenants',
      governance: 'Governance',
    },
    regionPage: {
      unknownLocationTitle: 'Unknown location {{locationId}}',
      unknownLocationDescription:
        'The Region Expansion backend does not list this Region, Local Zone or Outpost. Pick it from the Regions page; if a Local Zone or Outpost is missing there, ask the team that runs this portal to add it.',
      tenantsLink: 'Tenants in {{locationId}}',
      attachedTo: 'attached to {{parentRegion}}',
      partition: 'partition {{partition}}',
      cellsHeading: 'Cells ({{count}})',
      noCellsTitle: 'No cells here yet',
      noCellsDescription:
        'Create one from the portal\'s Create page: choose "New Regional application plane" and this location. A what-if run on the Tenants tab says how many cells this location needs.',
    },
    readinessCard: {
      title: 'Region readiness',
      unknownLocation:
        'Location {{locationId}} is not known to the region-expansion backend; check the {{annotation}} annotation.',
      evaluated:
        'Evaluated {{when}}: {{blockers}} blockers, {{openChecks}} open checks',
      notEvaluated:
        'This location has no readiness evaluation yet, so its level is unknown (never treated as ready).',
      cellCount: '{{count}} cells in this location.',
    },
    deploymentsCard: {
      title: 'Regional deployments',
      locationColumn: 'Location',
      partitionColumn: 'Partition',
      readinessColumn: 'Readiness',
      unknownLocation:
        '{{locationId}} (not known to the region-expansion backend)',
    },
    entityContent: {
      title: 'Region expansion',
    },
    regionPicker: {
      label: 'Target location',
      loadError: 'Could not load locations: {{message}}',
      selected: '{{partition}}: {{coverage}}; readiness {{level}}',
      unknownLevel: 'unknown',
    },
    governancePage: {
      notEnabledTitle: 'Governance is not enabled in this backend',
      notEnabledDescription:
        'This portal reads no AWS governance sources yet. Ask the team that runs this portal to add the governance providers for the accounts and Regions you audit; the setup guide says how.',
      noDataTitle: 'No governance data yet',
      noDataDescription:
        'No governance source has reported yet: there are no targets, findings or snapshots. Which AWS accounts and Regions are read is set up outside the portal: ask the team that runs this portal to follow the setup guide. Then the next scheduled sync, or "Sync now", fills this dashboard.',
      setupGuideLink: 'Open the governance setup guide',
      syncTitle: 'Sync',
      evidenceTitle: 'Evidence',
      filtersLabel: 'Governance filters',
    },
  },
});
