import {
  COMPARISON_LIMITS,
  type ArchitectureChoice,
  type BomOverrides,
  type ComparisonGap,
  type Footprint,
  type Location,
  type LocationComparison,
  type RankedLocation,
  type ReadinessLevel,
  type TenantClass,
} from '@region-expansion/plugin-region-expansion-common';
import { assess } from '../assessment/assess';
import type { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { availabilityLocationOf } from '../availability/availabilityLocationOf';
import type { ServiceMapping } from '../availability/serviceMapping';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { cloudHsmOffered } from '../design/cloudHsmOffered';
import { adviseArchitecture } from '../residency/evaluateResidency';
import {
  classCost,
  costRequestOf,
  type ComparisonCellSpec,
  type ComparisonCostRequest,
  type ComparisonEstimate,
} from './classCost';
import { describeLatency, latencyClass } from './latencyClass';
import { rankCandidates } from './rankCandidates';

/**
 * A location's latest stored readiness.
 *
 * @public
 */
export interface ComparisonReadiness {
  /** Readiness level of the latest evaluation, or `unknown` without one. */
  level: ReadinessLevel;
  /** ISO 8601 time of that evaluation; absent when there is none. */
  evaluatedAt?: string;
}

/**
 * Input of {@link compareLocations}: plain data.
 *
 * @public
 */
export interface CompareLocationsInput {
  /** The workload's footprint (not empty). */
  footprint: Footprint;
  /** Where the footprint came from. */
  footprintSource: 'request' | 'stored';
  /** One to three tenant classes. */
  tenantClasses: readonly TenantClass[];
  /** Candidates, resolved by `checkComparisonInput`. */
  candidates: readonly Location[];
  /** Locations and partitions, to resolve dependencies and partitions. */
  catalog: LocationCatalog;
  /** Which services each location offers. */
  availability: AvailabilityIndex;
  /** Latest stored readiness per location id; absent: `unknown`. */
  readiness: ReadonlyMap<string, ComparisonReadiness>;
  /** The standard cell. */
  cellSpec: ComparisonCellSpec;
  /**
   * The priced cells of {@link comparisonCostRequests}, by request key; a
   * missing one is "no price".
   */
  estimates: ReadonlyMap<string, ComparisonEstimate>;
  /** Monthly quantities replacing derived ones, where a bill has the line. */
  bomOverrides?: BomOverrides;
  /** Names services in gaps; default the bundled table. */
  mapping?: ServiceMapping;
  /** Evaluation time; default now. */
  now?: Date;
}

/** Residency rules that are about the partition boundary. */
const PARTITION_RULES = new Set([
  'partition-crossing',
  'hardcoded-partition',
  'control-plane-outside-partition',
]);

function gapsOf(
  input: CompareLocationsInput,
  location: Location,
  tenantClass: TenantClass,
): ComparisonGap[] {
  const result = assess({
    footprint: input.footprint,
    target: location.id,
    residency: tenantClass.residency,
    classification: tenantClass.classification,
    homeCountry: tenantClass.countries[0],
    availability: input.availability,
    catalog: input.catalog,
    mapping: input.mapping,
    now: input.now,
  });
  const missing: ComparisonGap[] = result.blockers
    .filter(b => b.check === 'availability')
    // The answer dates the availability data once (`availabilityDate`);
    // each gap names the service and the location only.
    .map(b => ({
      kind: 'availability',
      rule: 'service-not-offered',
      detail: b.service
        ? `${b.service} is not offered in ${location.id}`
        : b.detail,
      ...(b.service ? { service: b.service } : {}),
    }));
  const rules: ComparisonGap[] = result.residencyViolations.map(v => ({
    kind: PARTITION_RULES.has(v.rule) ? 'partition' : 'residency',
    rule: v.rule,
    detail: v.detail,
  }));
  // The rules first: a residency or partition gap decides more than one
  // missing service.
  return [...rules, ...missing];
}

const MAX_GAP_LINES = 2;

/** One part of the advice as the answer states it. */
const choiceOf = (c: ArchitectureChoice<string>) => ({
  choice: c.choice,
  rule: c.rule,
  rationale: c.rationale,
});

function whyLines(
  location: Location,
  tenantClass: TenantClass,
  candidate: Omit<RankedLocation, 'rank' | 'why'>,
  services: number,
): string[] {
  const why: string[] = [];
  const { gaps, gapCount, readiness, advice, cost, latency } = candidate;
  if (gapCount) {
    for (const gap of gaps.slice(0, MAX_GAP_LINES)) {
      why.push(`ruled out by ${gap.rule}: ${gap.detail}`);
    }
    if (gapCount > MAX_GAP_LINES) {
      why.push(`and ${gapCount - MAX_GAP_LINES} more gaps (see gaps)`);
    }
  } else {
    why.push(
      `qualifies: all ${services} services offered, no residency or partition rule broken for ${tenantClass.classification} data of ${tenantClass.countries[0]}`,
    );
  }
  why.push(
    readiness.level === 'unknown'
      ? `readiness unknown: ${location.id} has no stored evaluation`
      : `readiness ${readiness.level} (evaluated ${readiness.evaluatedAt})`,
  );
  const part = (name: string, c: { choice: string; rule?: string }) =>
    `${name} ${c.choice}${c.rule ? ` (${c.rule})` : ''}`;
  why.push(
    `advice: ${part('control plane', advice.controlPlane)}, ${part(
      'isolation',
      advice.isolation,
    )}, ${part('encryption', advice.encryption)}`,
  );
  if (cost.status === 'priced') {
    const label = cost.synthetic ? 'synthetic prices' : 'prices';
    why.push(
      `cost: ${cost.cellsNeeded} cells x ${cost.monthlyPerCell} ${
        cost.currency
      }/month${
        cost.architectureExtras.length
          ? ` with ${cost.architectureExtras.map(e => e.item).join(', ')}`
          : ''
      } = ${cost.monthlyPerTenant} ${
        cost.currency
      } per tenant per month (${label} of ${cost.priceDate}, ${cost.source})`,
    );
  } else {
    // The reasons are in `cost`; one says why, and how many there are.
    const [first, ...more] = cost.noPriceReasons;
    why.push(
      `no price: ${first}${more.length ? ` (and ${more.length} more)` : ''}`,
    );
  }
  why.push(describeLatency(location, latency));
  return why;
}

/** The advice for a class in a location, CloudHSM judged from availability. */
function adviceFor(
  input: Pick<CompareLocationsInput, 'catalog' | 'availability'>,
  location: Location,
  tenantClass: TenantClass,
) {
  const partition = input.catalog.partition(location.partition);
  if (!partition) {
    throw new Error(
      `location ${location.id} names unknown partition ${location.partition}`,
    );
  }
  // One rule for where CloudHSM is offered, as the advice route, assess
  // and the wizard judge it.
  const cloudHsmAvailable = cloudHsmOffered(location, input.availability);
  return adviseArchitecture(
    location,
    partition,
    {
      residency: tenantClass.residency,
      classification: tenantClass.classification,
      homeCountry: tenantClass.countries[0],
      tier: tenantClass.tier,
    },
    { cloudHsmAvailable },
  );
}

/**
 * The cell costs a comparison needs priced, one per distinct location,
 * cell and encryption tier: the caller prices them (cache, snapshot or
 * Price List) and passes them to {@link compareLocations} by key.
 *
 * @public
 */
export function comparisonCostRequests(
  input: Omit<CompareLocationsInput, 'estimates' | 'readiness'>,
): ComparisonCostRequest[] {
  const requests = new Map<string, ComparisonCostRequest>();
  for (const tenantClass of input.tenantClasses) {
    for (const location of input.candidates) {
      const request = costRequestOf({
        footprint: input.footprint,
        location,
        tenantClass,
        advice: adviceFor(input, location, tenantClass),
        cellSpec: input.cellSpec,
        overrides: input.bomOverrides,
      });
      requests.set(request.key, request);
    }
  }
  return [...requests.values()];
}

/**
 * Ranks candidate locations for a workload and each tenant class: blocking
 * gaps (services not offered, residency and partition rules, each with its
 * rule id, from `assess`), the latest readiness level, the advised
 * architecture (`adviseArchitecture`) and what it adds to the cost, the
 * monthly cost per cell and per tenant, and the latency class to the
 * tenants' countries. Every candidate says why it ranks where it does.
 * Pure: all inputs are data; prices are read before.
 *
 * @public
 */
export function compareLocations(
  input: CompareLocationsInput,
): LocationComparison {
  let synthetic = false;
  const dates = new Set<string>();
  const classes = input.tenantClasses.map(tenantClass => {
    const candidates = input.candidates.map(location => {
      dates.add(
        input.availability.observedAt(
          availabilityLocationOf(location, input.availability),
        ),
      );
      const advice = adviceFor(input, location, tenantClass);
      const request = costRequestOf({
        footprint: input.footprint,
        location,
        tenantClass,
        advice,
        cellSpec: input.cellSpec,
        overrides: input.bomOverrides,
      });
      const cost = classCost({
        footprint: input.footprint,
        location,
        tenantClass,
        advice,
        request,
        estimate: input.estimates.get(request.key),
      });
      synthetic ||= cost.synthetic;
      const gaps = gapsOf(input, location, tenantClass);
      const readiness = input.readiness.get(location.id) ?? {
        level: 'unknown' as const,
      };
      const candidate = {
        locationId: location.id,
        name: location.name,
        kind: location.kind,
        partition: location.partition,
        country: location.country,
        geography: location.geography,
        qualifies: gaps.length === 0,
        gaps: gaps.slice(0, COMPARISON_LIMITS.gapsListed),
        gapCount: gaps.length,
        readiness,
        advice: {
          controlPlane: choiceOf(advice.controlPlane),
          isolation: choiceOf(advice.isolation),
          encryption: choiceOf(advice.encryption),
        },
        cost,
        latency: latencyClass(location, tenantClass.countries),
      };
      return {
        ...candidate,
        why: whyLines(
          location,
          tenantClass,
          candidate,
          input.footprint.services.length,
        ),
      };
    });
    const ranked = rankCandidates(candidates);
    return {
      name: tenantClass.name,
      qualifying: ranked.filter(r => r.qualifies).length,
      ranked,
    };
  });
  return {
    footprint: {
      source: input.footprintSource,
      services: input.footprint.services.length,
    },
    availabilityDate: [...dates].sort()[0] ?? input.availability.snapshotDate,
    synthetic,
    classes,
  };
}
