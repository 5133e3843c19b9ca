import {
  TIER_CELL_ISOLATION,
  type Cell,
  type DataClassification,
  type Jurisdiction,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import type { RegionExpansionApi } from '../../api';

/** What `POST /placements/what-if` takes. */
export type WhatIfBody = Parameters<RegionExpansionApi['whatIf']>[0]['body'];

/** The what-if form's fields, as the inputs hold them (text). */
export interface WhatIfFormState {
  count: string;
  tier: TenantTier;
  classification: DataClassification;
  partition: string;
  jurisdiction: string;
  loadUnits: string;
  specVersion: string;
  tenantsPerCell: string;
  loadUnitsPerCell: string;
  serviceCode: string;
  quotaCode: string;
  quotaName: string;
  quotaPerCell: string;
}

/**
 * Starts the cell spec fields from an existing cell of the same isolation,
 * because new cells are built like the ones already running; the user can
 * change every value.
 */
export function initialState(template: Cell | undefined): WhatIfFormState {
  return {
    count: '10',
    tier: 'pool',
    classification: 'confidential',
    partition: '',
    jurisdiction: '',
    loadUnits: '10',
    specVersion: template?.specVersion ?? '',
    tenantsPerCell: template ? String(template.capacity.tenants) : '',
    loadUnitsPerCell: template ? String(template.capacity.loadUnits) : '',
    serviceCode: '',
    quotaCode: '',
    quotaName: '',
    quotaPerCell: '',
  };
}

/**
 * The request of one what-if run: one tenant profile (residency only where
 * chosen) and the cell spec, with one service quota when a service code is
 * given.
 */
export function whatIfBody(form: WhatIfFormState): WhatIfBody {
  return {
    profiles: [
      {
        count: Number(form.count),
        tier: form.tier,
        classification: form.classification,
        loadUnits: Number(form.loadUnits),
        residency: {
          ...(form.partition ? { partition: form.partition } : {}),
          ...(form.jurisdiction
            ? { jurisdictions: [form.jurisdiction as Jurisdiction] }
            : {}),
        },
      },
    ],
    spec: {
      version: form.specVersion,
      isolation: TIER_CELL_ISOLATION[form.tier],
      capacity: {
        tenants: Number(form.tenantsPerCell),
        loadUnits: Number(form.loadUnitsPerCell),
        quotas: {},
      },
      serviceQuotas: form.serviceCode
        ? [
            {
              serviceCode: form.serviceCode,
              quotaCode: form.quotaCode,
              quotaName: form.quotaName,
              perCell: Number(form.quotaPerCell),
            },
          ]
        : [],
    },
  };
}
