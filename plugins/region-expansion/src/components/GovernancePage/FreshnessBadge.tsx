import { useTheme, type Palette } from '@mui/material/styles';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { readinessColours } from '../shared/readiness';
import { ColouredChip } from '../shared/ColouredChip';

/**
 * Badge colours from the theme's palette, so they follow a light or dark
 * theme; `never` takes the readiness grey, so it never reads as a verdict.
 */
function statusColours(
  palette: Palette,
): Record<GovernanceFreshness['status'], string> {
  return {
    ok: palette.success.main,
    running: palette.info.main,
    stale: palette.warning.main,
    unavailable: palette.error.main,
    never: readinessColours(palette).unknown,
  };
}

/** A coloured status badge; a stale target says why in its label. */
export function FreshnessBadge(props: { entry: GovernanceFreshness }) {
  const { entry } = props;
  const { palette } = useTheme();
  const background = statusColours(palette)[entry.status];
  const label =
    entry.status === 'stale'
      ? `Stale: ${entry.staleReason ?? 'no reason recorded'}`
      : entry.status;
  return <ColouredChip label={label} colour={background} maxWidth={480} />;
}
