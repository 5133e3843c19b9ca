import Chip from '@mui/material/Chip';
import type { PlacementReadinessLevel } from '@region-expansion/plugin-region-expansion-common';
import { READINESS_COLOURS } from './readiness';

/** A small coloured chip naming a readiness level. */
export function ReadinessChip(props: { level: PlacementReadinessLevel }) {
  const { level } = props;
  return (
    <Chip
      size="small"
      label={`Readiness: ${level}`}
      sx={{
        bgcolor: READINESS_COLOURS[level],
        color: '#fff',
        fontWeight: 500,
      }}
    />
  );
}
