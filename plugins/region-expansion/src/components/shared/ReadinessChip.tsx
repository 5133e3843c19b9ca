import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';
import type { PlacementReadinessLevel } from '@region-expansion/plugin-region-expansion-common';
import { readinessColours } from './readiness';
import { readableTextColour } from './readableTextColour';

/** A small chip naming a readiness level, in the theme's colour for it. */
export function ReadinessChip(props: { level: PlacementReadinessLevel }) {
  const { level } = props;
  const { palette } = useTheme();
  const colour = readinessColours(palette)[level];
  return (
    <Chip
      size="small"
      label={`Readiness: ${level}`}
      sx={{
        bgcolor: colour,
        color: readableTextColour(colour, palette),
        fontWeight: 500,
      }}
    />
  );
}
