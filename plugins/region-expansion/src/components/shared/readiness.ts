import { useTheme, type Palette } from '@mui/material/styles';
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

/**
 * Marker and chip colours from the theme's palette (success, warning,
 * error), so they follow the app's light or dark theme; grey for unknown so
 * it never reads as a verdict.
 */
export function readinessColours(
  palette: Palette,
): Readonly<Record<PlacementReadinessLevel, string>> {
  return {
    ready: palette.success.main,
    pilot: palette.warning.main,
    blocked: palette.error.main,
    // A lighter grey on a dark background, a darker one on a light one.
    unknown: palette.grey[palette.mode === 'dark' ? 500 : 600],
  };
}

/** Colours of one signal's status, matching the level colours. */
export function signalStatusColours(
  palette: Palette,
): Readonly<Record<ReadinessSignalStatus, string>> {
  const level = readinessColours(palette);
  return {
    pass: level.ready,
    warn: level.pilot,
    fail: level.blocked,
    unknown: level.unknown,
  };
}

/** The readiness colours of the current theme. */
export function useReadinessColours() {
  return readinessColours(useTheme().palette);
}

/** The signal status colours of the current theme. */
export function useSignalStatusColours() {
  return signalStatusColours(useTheme().palette);
}

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
