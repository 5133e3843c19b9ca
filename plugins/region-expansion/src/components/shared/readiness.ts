import type {
  PlacementReadinessLevel,
  ReadinessSignalStatus,
  ReadinessSummary,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Readiness levels in the order the UI lists them. `unknown` means no
 * evaluation exists and is never shown as ready.
 */
export const DISPLAYED_READINESS_LEVELS: readonly PlacementReadinessLevel[] = [
  'ready',
  'pilot',
  'blocked',
  'unknown',
];

/** Marker and chip colours; grey for unknown so it never reads as a verdict. */
export const READINESS_COLOURS: Readonly<
  Record<PlacementReadinessLevel, string>
> = {
  ready: '#2e7d32',
  pilot: '#b45309',
  blocked: '#c62828',
  unknown: '#616161',
};

/** Colours of one signal's status, matching the level colours. */
export const SIGNAL_STATUS_COLOURS: Readonly<
  Record<ReadinessSignalStatus, string>
> = {
  pass: READINESS_COLOURS.ready,
  warn: READINESS_COLOURS.pilot,
  fail: READINESS_COLOURS.blocked,
  unknown: READINESS_COLOURS.unknown,
};

/** Latest readiness per location id, as `GET /readiness` lists it. */
export type ReadinessByLocation = ReadonlyMap<string, ReadinessSummary>;

/** Indexes the latest readiness summaries by location id. */
export function indexReadiness(
  summaries: ReadinessSummary[],
): ReadinessByLocation {
  return new Map(summaries.map(summary => [summary.locationId, summary]));
}

/**
 * The level shown for a location: its latest evaluation, or `unknown` when
 * it was never evaluated (a missing evaluation is never a pass).
 */
export function readinessLevelOf(
  readiness: ReadinessByLocation,
  locationId: string,
): PlacementReadinessLevel {
  return readiness.get(locationId)?.level ?? 'unknown';
}

/** Type guard for readiness levels read from the URL. */
export function isDisplayedReadinessLevel(
  value: string | null,
): value is PlacementReadinessLevel {
  return DISPLAYED_READINESS_LEVELS.includes(value as PlacementReadinessLevel);
}
