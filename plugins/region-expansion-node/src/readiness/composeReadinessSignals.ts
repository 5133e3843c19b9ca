import type {
  Cell,
  ControlPlane,
  DataClassification,
  EvaluatedReadinessSignal,
  Footprint,
  Location,
  ReadinessBlocker,
  ReadinessSignal,
  ReadinessSignals,
  Residency,
} from '@region-expansion/plugin-region-expansion-common';
import { assess } from '../assessment/assess';
import type { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { availabilityLocationOf } from '../availability/availabilityLocationOf';
import type { ServiceMapping } from '../availability/serviceMapping';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { evaluateResidency } from '../residency/evaluateResidency';
import { capacitySignal } from './capacitySignal';
import { combineSignals } from './combineSignals';
import { findControlPlane } from './findControlPlane';

/**
 * Whose data an assessed footprint carries; every field is optional.
 *
 * @public
 */
export interface AssessmentProfile {
  /** Residency requirement of the data. */
  residency?: Residency;
  /** Highest classification of the data; default `internal`. */
  classification?: DataClassification;
  /** Country of the data subjects; default the location's country. */
  homeCountry?: string;
}

/**
 * Input of {@link composeReadinessSignals}: what is known of the estate at
 * one evaluation, as plain data.
 *
 * @public
 */
export interface ComposeReadinessSignalsInput {
  /** The location judged. */
  location: Location;
  /** Every location and partition, stored Local Zones and Outposts included. */
  catalog: LocationCatalog;
  /**
   * The application plane's footprint; absent, the availability signal is
   * `unknown` and the sovereignty signal judges only the control plane.
   */
  footprint?: Footprint;
  /** Which services each location offers, dated. */
  availability: AvailabilityIndex;
  /** Service mapping, to name services in blockers. */
  mapping: ServiceMapping;
  /** Every control plane. */
  controlPlanes: readonly ControlPlane[];
  /** Every cell; those of other locations are ignored. */
  cells: readonly Cell[];
  /**
   * Signals the governance sources reported for the location (security,
   * resilience, audit, and Service Quotas capacity); a check missing here
   * stays missing, so it evaluates as `unknown`.
   */
  governance: ReadinessSignals;
  /** Aggregate cell use at which capacity warns, e.g. 0.8. */
  capacityWarnRatio: number;
  /** Whose data the footprint carries; default internal data of the location's country. */
  profile?: AssessmentProfile;
  /** Evaluation time. */
  now: Date;
}

const EMPTY_FOOTPRINT: Footprint = {
  services: [],
  crossRegion: [],
  unknown: [],
};

function plainSignal(signal: EvaluatedReadinessSignal): ReadinessSignal {
  const { check: _check, waived: _waived, waiver: _waiver, ...plain } = signal;
  return plain;
}

/**
 * The typed readiness signals of one location and the structured blockers
 * behind them (every one, waived or not: waivers apply in
 * {@link evaluateReadiness}). Pure.
 *
 * @remarks
 *
 * - availability: the footprint against the availability data
 *   ({@link assess}); no footprint, or no availability data for the
 *   location or its parent Region: `unknown`.
 * - sovereignty: residency and partition rules of the footprint
 *   ({@link assess}), combined with a suitable control plane managing the
 *   location ({@link findControlPlane}) whose home may hold the tenant
 *   metadata ({@link evaluateResidency}); no footprint: `unknown` combined
 *   with the control-plane finding.
 * - capacity: headroom of the location's active cells
 *   ({@link capacitySignal}), combined with the governance capacity signal.
 * - security, resilience, audit, the governance coverage proofs
 *   (`governance-coverage:*`) and any other governance check: the
 *   governance signals as given.
 *
 * @public
 */
export function composeReadinessSignals(input: ComposeReadinessSignalsInput): {
  signals: ReadinessSignals;
  details: ReadinessBlocker[];
} {
  const { location, catalog, footprint, now } = input;
  const profile = input.profile ?? {};
  const availabilityData = input.availability;
  const availabilityKnown = availabilityData.knows(
    availabilityLocationOf(location, availabilityData),
  );
  const assessed = assess({
    footprint:
      footprint && availabilityKnown
        ? footprint
        : { ...(footprint ?? EMPTY_FOOTPRINT), services: [] },
    target: location.id,
    residency: profile.residency,
    classification: profile.classification,
    homeCountry: profile.homeCountry,
    catalog,
    availability: availabilityData,
    mapping: input.mapping,
    now,
  });
  const details: ReadinessBlocker[] = [];

  let availability: ReadinessSignal;
  if (!footprint) {
    availability = {
      status: 'unknown',
      detail:
        'no application-plane footprint stored: upload the output of `yarn region-expansion footprint --json` with PUT /application-plane/footprint',
      blockers: [],
    };
  } else if (!availabilityKnown) {
    availability = {
      status: 'unknown',
      detail: `no availability data for ${location.id}${
        location.parentRegion ? ` or ${location.parentRegion}` : ''
      } (data of ${availabilityData.snapshotDate})`,
      blockers: [],
    };
  } else {
    availability = plainSignal(assessed.signals.availability);
    details.push(...assessed.blockers.filter(b => b.check === 'availability'));
  }

  let sovereignty: ReadinessSignal = footprint
    ? plainSignal(assessed.signals.sovereignty)
    : {
        status: 'unknown',
        detail:
          'no application-plane footprint stored: cross-Region and cross-partition dependencies cannot be checked',
        blockers: [],
      };
  if (footprint) {
    details.push(...assessed.blockers.filter(b => b.check === 'sovereignty'));
  }
  const found = findControlPlane(
    location,
    catalog.partition(location.partition),
    input.controlPlanes,
  );
  details.push(...found.blockers);
  if (found.controlPlane) {
    const cp = found.controlPlane;
    const violations = evaluateResidency(
      EMPTY_FOOTPRINT,
      location,
      { controlPlaneLocation: cp.homeLocation },
      catalog,
    );
    const blockers = violations.map(v => ({
      check: 'sovereignty' as const,
      detail: `[${v.regime}/${v.rule}] ${v.detail}`,
      remediation: v.remediation,
    }));
    details.push(...blockers);
    sovereignty = combineSignals(
      sovereignty,
      blockers.length
        ? {
            status: 'fail',
            detail: `control plane ${cp.id} at ${cp.homeLocation} may not hold the tenant metadata of ${location.id}`,
            blockers: blockers.map(b => b.detail),
          }
        : {
            status: 'pass',
            detail: `control plane ${cp.id} (${cp.mode}, home ${cp.homeLocation}) manages ${location.id}`,
            blockers: [],
          },
    );
  } else if (found.signal) {
    sovereignty = combineSignals(sovereignty, found.signal);
  }

  const capacity = combineSignals(
    capacitySignal(location.id, input.cells, {
      warnRatio: input.capacityWarnRatio,
    }),
    input.governance.capacity,
  );

  return {
    signals: {
      // Every governance check as reported (security, resilience, audit,
      // the coverage proofs…); the estate decides the other three.
      ...input.governance,
      availability,
      sovereignty,
      capacity,
    },
    details,
  };
}
