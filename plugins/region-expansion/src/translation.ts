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
        'The region-expansion backend does not list this Region, Local Zone or Outpost. Local Zones and Outposts are added through POST /locations.',
      tenantsLink: 'Tenants in {{locationId}}',
      attachedTo: 'attached to {{parentRegion}}',
      partition: 'partition {{partition}}',
      cellsHeading: 'Cells ({{count}})',
      noCellsTitle: 'No cells here yet',
      noCellsDescription:
        'Cells are created by the onboarding wizard (New Regional application plane) or through POST /cells; a what-if run on the Tenants tab says how many this location needs.',
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
      noDataTitle: 'No governance data yet',
      syncTitle: 'Sync',
      evidenceTitle: 'Evidence',
      filtersLabel: 'Governance filters',
    },
  },
});
