import type {
  Footprint,
  Location,
  Residency,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import type { LocationCatalog } from '../locations';
import {
  evaluateResidency,
  regimesFor,
  type TenantResidencyProfile,
} from '../residency';
import { RunbookInputError } from './RunbookInputError';

/** A footprint with no services and no cross-Region dependency. */
export const EMPTY_FOOTPRINT: Footprint = {
  services: [],
  crossRegion: [],
  unknown: [],
};

/** The residency rule that allowed a move, for the runbook's steps. */
export interface ResidencyGrant {
  rule: string;
  detail: string;
}

function describeResidency(residency: Residency): string {
  const parts = [
    residency.countries?.length
      ? `countries ${residency.countries.join(', ')}`
      : '',
    residency.jurisdictions?.length
      ? `jurisdictions ${residency.jurisdictions.join(', ')}`
      : '',
    residency.partition ? `partition ${residency.partition}` : '',
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * The profile residency rules judge a tenant by. A tenant states no home
 * country: the one country its residency names stands for it, otherwise the
 * country its data is in now (so a country regime keeps it there).
 */
export function residencyProfile(
  tenant: Tenant,
  from: Location,
  controlPlaneLocation?: string,
): TenantResidencyProfile {
  const countries = tenant.residency.countries ?? [];
  return {
    residency: tenant.residency,
    classification: tenant.classification,
    homeCountry: countries.length === 1 ? countries[0] : from.country,
    tier: tenant.tier,
    controlPlaneLocation,
  };
}

/** What a move needs to be judged: the tenant, where from and where to. */
export interface ResidencyQuestion {
  /** Request field a refusal names, e.g. `tenantIds.2`. */
  field: string;
  tenant: Tenant;
  from: Location;
  to: Location;
  /** Home location of the target control plane, once known. */
  controlPlaneLocation?: string;
}

/**
 * Judges moving a tenant's data (and, when given, its metadata) with the
 * residency rules of `evaluateResidency`. A violation refuses the request
 * with a `RunbookInputError` naming the field and the rule; otherwise the
 * rule that decided is returned for the steps.
 */
export function checkMoveResidency(
  question: ResidencyQuestion,
  footprint: Footprint,
  catalog: LocationCatalog,
): ResidencyGrant {
  const { field, tenant, from, to } = question;
  const profile = residencyProfile(tenant, from, question.controlPlaneLocation);
  const violations = evaluateResidency(footprint, to, profile, catalog);
  if (violations.length > 0) {
    const first = violations[0];
    throw new RunbookInputError(
      field,
      `tenant ${tenant.id} data may not move to ${to.id} (rule ${first.rule}): ${first.detail}`,
    );
  }
  const stated = describeResidency(tenant.residency);
  const regimes = regimesFor(profile.homeCountry!, tenant.classification);
  const regimeText = regimes.length
    ? `${regimes.map(r => r.basis).join(', ')} allow ${
        tenant.classification
      } data from ${profile.homeCountry} in ${to.id} (${to.country})`
    : `no country regime applies to ${tenant.classification} data from ${profile.homeCountry}`;
  if (stated) {
    return {
      rule: 'residency-requirement',
      detail: `${to.id} satisfies the tenant's residency (${stated}); ${regimeText}`,
    };
  }
  if (regimes.length) {
    return { rule: `${regimes[0].regime}-target`, detail: regimeText };
  }
  return { rule: 'no-residency-regime', detail: regimeText };
}
