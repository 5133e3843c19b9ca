import type { PlacementReadinessLevel } from '@region-expansion/plugin-region-expansion-common';

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

/**
 * The readiness level the portal shows for every location. The backend serves
 * no readiness endpoint yet, and a location without an evaluation is
 * `unknown` by definition: the portal never guesses a level.
 */
export const READINESS_WITHOUT_EVALUATION: PlacementReadinessLevel = 'unknown';

/** Marker and chip colours; grey for unknown so it never reads as a verdict. */
export const READINESS_COLOURS: Readonly<
  Record<PlacementReadinessLevel, string>
> = {
  ready: '#2e7d32',
  pilot: '#ed6c02',
  blocked: '#d32f2f',
  unknown: '#9e9e9e',
};

/** Shown wherever readiness would appear, so readers know why it is unknown. */
export const READINESS_UNAVAILABLE_NOTE =
  'No readiness evaluation is available: the region-expansion backend does not serve readiness yet, so every check is unknown (never treated as passed).';

/** Type guard for readiness levels read from the URL. */
export function isDisplayedReadinessLevel(
  value: string | null,
): value is PlacementReadinessLevel {
  return DISPLAYED_READINESS_LEVELS.includes(value as PlacementReadinessLevel);
}
