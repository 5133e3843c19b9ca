import Chip from '@mui/material/Chip';
import type { EvaluatedReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import { SIGNAL_STATUS_COLOURS } from '../shared/readiness';

/** One signal's status as a chip in the status's colour. */
export function SignalStatusChip(props: { signal: EvaluatedReadinessSignal }) {
  const { signal } = props;
  return (
    <Chip
      size="small"
      label={signal.status}
      sx={{
        bgcolor: SIGNAL_STATUS_COLOURS[signal.status],
        color: '#fff',
        minWidth: 64,
      }}
    />
  );
}
