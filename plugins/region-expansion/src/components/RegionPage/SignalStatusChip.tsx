import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';
import type { EvaluatedReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import { useSignalStatusColours } from '../shared/readiness';
import { readableTextColour } from '../shared/readableTextColour';

/** One signal's status as a chip in the status's colour. */
export function SignalStatusChip(props: { signal: EvaluatedReadinessSignal }) {
  const { signal } = props;
  const { palette } = useTheme();
  const background = useSignalStatusColours()[signal.status];
  return (
    <Chip
      size="small"
      label={signal.status}
      sx={{
        bgcolor: background,
        // Light colours of a dark theme need dark text, and the other way round.
        color: readableTextColour(background, palette),
        minWidth: 64,
      }}
    />
  );
}
