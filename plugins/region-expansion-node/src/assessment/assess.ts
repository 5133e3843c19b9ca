import type {
  AssessmentResult,
  DataClassification,
  Footprint,
  ReadinessBlocker,
  ReadinessSignal,
  ReadinessSignals,
  ReadinessWaiver,
  Residency,
} from '@region-expansion/plugin-region-expansion-common';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { availabilityLocationOf } from '../availability/availabilityLocationOf';
import { ServiceMapping } from '../availability/serviceMapping';
import { LocationCatalog } from '../locations';
import { evaluateReadiness } from '../readiness/evaluateReadiness';
import { evaluateResidency } from '../residency/evaluateResidency';

/**
 * Input of {@link assess}.
 *
 * @public
 */
export interface AssessInput {
  /** Services, cross-Region dependencies and unclassified items of the application, e.g. from `buildFootprint`. */
  footprint: Footprint;
  /** Target location id, e.g. `eusc-de-east-1`. */
  target: string;
  /**
   * Tenant residency requirement the target must satisfy; absent: only the
   * country regimes and partition rules apply.
   */
  residency?: Residency;
  /** Highest data classification handled; selects the country regimes that apply. Default `internal`. */
  classification?: DataClassification;
  /** Country of the data subjects; default: the target's country. */
  homeCountry?: string;
  /** Approved waivers; only unexpired ones (at `now`) for the target location neutralise a check. */
  waivers?: ReadinessWaiver[];
  /** Governance signals (security, resilience, audit, capacity) already collected. */
  governance?: ReadinessSignals;
  /**
   * Service availability data; default: the bundled snapshot. A Local Zone or
   * Outpost it does not list is checked against its parent Region.
   */
  availability?: AvailabilityIndex;
  /** Locations and partitions to resolve `target` and cross-Region dependencies in; default: the bundled snapshot. */
  catalog?: LocationCatalog;
  /** Service mapping used to name services in blockers; default: the bundled table. */
  mapping?: ServiceMapping;
  /** Evaluation time, against which waivers expire; default: the current time. */
  now?: Date;
}

function availabilitySignal(
  input: AssessInput,
  availabilityLocation: string,
  availability: AvailabilityIndex,
  mapping: ServiceMapping,
): { signal: ReadinessSignal; blockers: ReadinessBlocker[] } {
  const blockers: ReadinessBlocker[] = [];
  // The date of this location's data: a live refresh dates only the
  // locations it read.
  const observedAt = availability.observedAt(availabilityLocation);
  for (const usage of input.footprint.services) {
    if (availability.has(usage.code, availabilityLocation)) continue;
    const name = mapping.byCode(usage.code)?.name ?? usage.code;
    const actions = usage.actions.length
      ? ` (actions: ${usage.actions.slice(0, 5).join(', ')}${
          usage.actions.length > 5 ? ', …' : ''
        })`
      : '';
    blockers.push({
      check: 'availability',
      service: usage.code,
      detail: `${name} is not offered in ${
        input.target
      } per availability data of ${observedAt}; used by ${usage.sources.join(
        ' and ',
      )}${actions}`,
      remediation: `replace ${usage.code} with a service offered in ${input.target}, refresh availability from SSM if the data is stale, or waive with an approved plan`,
    });
  }
  if (blockers.length) {
    return {
      signal: {
        status: 'fail',
        detail: `${blockers.length} of ${input.footprint.services.length} services not offered in ${input.target}`,
        observedAt,
        blockers: blockers.map(b => b.detail),
      },
      blockers,
    };
  }
  const notes: string[] = [];
  if (availabilityLocation !== input.target)
    notes.push(
      `checked against parent Region ${availabilityLocation}; a Local Zone or Outpost offers a subset`,
    );
  if (input.footprint.unknown.length)
    notes.push(
      `${input.footprint.unknown.length} unclassified items (see unknown) could not be checked`,
    );
  if (!input.footprint.services.length) notes.push('the footprint is empty');
  return {
    signal: {
      status: notes.length ? 'warn' : 'pass',
      detail: [
        `all ${input.footprint.services.length} services offered in ${input.target}`,
        ...notes,
      ].join('; '),
      observedAt,
      blockers: [],
    },
    blockers,
  };
}

/**
 * Assesses a footprint against a target location: availability of every
 * service, residency and partition rules (sovereignty), and governance
 * signals, combined into a readiness level with named blockers. Pure: all
 * inputs are data.
 *
 * @public
 */
export function assess(input: AssessInput): AssessmentResult {
  const catalog = input.catalog ?? LocationCatalog.fromSnapshot();
  const availability = input.availability ?? AvailabilityIndex.fromSnapshot();
  const mapping = input.mapping ?? ServiceMapping.default();
  const location = catalog.require(input.target);
  const availabilityLocation = availabilityLocationOf(location, availability);

  const availabilityResult = availabilitySignal(
    input,
    availabilityLocation,
    availability,
    mapping,
  );

  const violations = evaluateResidency(
    input.footprint,
    location,
    {
      residency: input.residency,
      classification: input.classification,
      homeCountry: input.homeCountry,
    },
    catalog,
  );
  const sovereigntyBlockers: ReadinessBlocker[] = violations.map(v => ({
    check: 'sovereignty',
    detail: `[${v.regime}/${v.rule}] ${v.detail}`,
    remediation: v.remediation,
  }));
  const sovereignty: ReadinessSignal = violations.length
    ? {
        status: 'fail',
        detail: `${violations.length} residency or partition rule violations`,
        blockers: sovereigntyBlockers.map(b => b.detail),
      }
    : {
        status: 'pass',
        detail:
          input.residency || input.classification
            ? `no residency or partition rule violated in ${location.id} (${location.country}, ${location.partition})`
            : `no partition rule violated; no residency requirement or classification given (default: internal data from ${location.country})`,
        blockers: [],
      };

  const evaluation = evaluateReadiness({
    locationId: location.id,
    signals: {
      ...input.governance,
      availability: availabilityResult.signal,
      sovereignty,
    },
    waivers: input.waivers,
    blockerDetails: [...availabilityResult.blockers, ...sovereigntyBlockers],
    now: input.now ?? new Date(),
  });

  return {
    target: location.id,
    partition: location.partition,
    level: evaluation.level,
    blockers: evaluation.blockers,
    signals: evaluation.signals,
    crossRegion: input.footprint.crossRegion,
    unknown: input.footprint.unknown,
    residencyViolations: violations,
    availabilityDate: availability.observedAt(availabilityLocation),
  };
}
