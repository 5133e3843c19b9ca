import type {
  DataClassification,
  PlacementReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Where placement reads a location's readiness level. The readiness
 * evaluator provides the real implementation.
 *
 * @public
 */
export interface ReadinessLookup {
  /** The current readiness level of a location; `unknown` when never evaluated. */
  levelOf(locationId: string): PlacementReadinessLevel;
}

/**
 * A lookup that knows nothing: every location is `unknown`. Decisions made
 * with it say so instead of pretending the location is ready.
 *
 * @public
 */
export const unknownReadiness: ReadinessLookup = {
  levelOf: () => 'unknown',
};

/**
 * A lookup over a fixed map; locations missing from the map are `unknown`.
 *
 * @public
 */
export function readinessFromMap(
  levels: Readonly<Record<string, PlacementReadinessLevel>>,
): ReadinessLookup {
  return { levelOf: id => levels[id] ?? 'unknown' };
}

/**
 * Whether a location at this readiness level may take a tenant:
 * `blocked` never; restricted data only at `ready`; `unknown` only when
 * allowed; `pilot` and `ready` otherwise.
 *
 * @public
 */
export function readinessAllows(
  level: PlacementReadinessLevel,
  classification: DataClassification,
  allowUnknownReadiness: boolean,
): boolean {
  if (level === 'blocked') return false;
  if (classification === 'restricted') return level === 'ready';
  if (level === 'unknown') return allowUnknownReadiness;
  return true;
}

/**
 * Preference of readiness levels when choosing where to create a cell
 * (lower is better).
 *
 * @public
 */
export const READINESS_PREFERENCE: Readonly<
  Record<PlacementReadinessLevel, number>
> = {
  ready: 0,
  pilot: 1,
  unknown: 2,
  blocked: 3,
};
