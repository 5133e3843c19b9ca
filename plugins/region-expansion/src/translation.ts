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
      campaignsTitle: 'Launch campaigns',
      campaignTitle: 'Launch campaign',
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
    comparePage: {
      title: 'Compare Regions',
      intro:
        'Rank every candidate Region, Local Zone and Outpost for a workload and one to three tenant classes: what blocks each, its readiness, the advised architecture, the monthly cost of a cell and the latency to the tenants.',
      permissionAction: 'Comparing locations',
      formLabel: 'Compare locations',
      workloadHeading: 'Workload',
      storedFootprint: 'The stored application-plane footprint',
      storedFootprintDetail: '{{services}} services, from {{source}}',
      noStoredFootprint:
        'No application-plane footprint is stored yet: upload a footprint file instead.',
      uploadFootprint: 'A footprint file',
      chooseFile: 'Choose a footprint file',
      fileInput: 'Footprint file',
      fileHint:
        'A footprint JSON as `yarn region-expansion footprint --json` writes it.',
      noFile: 'No file selected',
      selectedFile: 'Selected: {{name}}',
      classesHeading: 'Tenant classes',
      addClass: 'Add a tenant class',
      className: 'Name',
      residencyPartition: 'Residency partition',
      anyPartition: 'any',
      residencyJurisdiction: 'Residency jurisdiction',
      anyJurisdiction: 'any',
      expectedTenants: 'Expected tenants',
      loadUnits: 'Load units per tenant',
      countries: "Tenants' countries",
      countriesHint:
        'ISO 3166-1 codes such as DE, FR; the first is the data subjects’ home country',
      removeClass: 'Remove tenant class {{name}}',
      submit: 'Compare',
      resultHeading: 'Ranked locations for {{name}}',
      tableLabel: 'Ranked locations for {{name}}',
      synthetic:
        'Synthetic prices: read from a local simulator, not from AWS. Do not budget with them.',
      noPrice: 'no price',
      priceDate: 'prices of {{date}}',
      syntheticMark: 'synthetic',
      noGaps: 'none',
      moreGaps: 'and {{count}} more',
      rankColumn: 'Rank',
      locationColumn: 'Location',
      gapsColumn: 'Blocking gaps',
      readinessColumn: 'Readiness',
      adviceColumn: 'Advised architecture',
      perCellColumn: 'Per cell / month',
      perTenantColumn: 'Per tenant / month',
      latencyColumn: 'Latency',
      selectRow: 'Select {{name}} for the side-by-side',
      whyToggle: 'Why {{name}} ranks here',
      whyHeading: 'Why {{name}} ranks {{rank}}',
      selectionHint:
        'Select two to four locations to compare them side by side.',
      selectionFull: 'At most four locations side by side',
      sideBySideHeading: 'Side by side',
      sideBySideLabel: 'Side by side for {{name}}',
      partitionAspect: 'Partition · kind · country',
      extrasAspect: 'Architecture extras per cell',
      cellsAspect: 'Cells needed',
      noCandidatesTitle: 'No candidate locations',
      noCandidatesDescription:
        'The backend ranked no location: none is known, or none is readable with your permissions. Ask the team that runs this portal which locations you may read.',
      basis:
        'Ranked for a footprint of {{services}} services ({{source}}), with the availability of {{date}}.',
      basisStored: 'the stored application-plane footprint',
      basisRequest: 'the uploaded file',
      noneQualifies:
        'No candidate location can serve {{name}}: each row says which rule rules it out.',
    },
    adviceCard: {
      title: 'Architecture advice',
      subheader:
        'Control plane, tenant isolation and encryption for data of this classification and tier in {{locationId}}',
      permissionAction: 'Architecture advice',
      formLabel: 'Tenant profile for advice in {{locationId}}',
      anyTier: 'any',
      classification: 'Data classification',
      tier: 'Tenant tier',
      homeCountry: "Data subjects' country",
      homeCountryHint:
        'ISO 3166-1 code such as DE; default: the country of {{locationId}}',
      controlPlane: 'Control plane',
      isolation: 'Tenant isolation',
      encryption: 'Encryption',
      rule: 'rule {{rule}}',
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
