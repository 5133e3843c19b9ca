import Chip from '@mui/material/Chip';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';

const STATUS_COLOURS: Record<GovernanceFreshness['status'], string> = {
  ok: '#2e7d32',
  running: '#1565c0',
  stale: '#b45309',
  unavailable: '#c62828',
  never: '#616161',
};

/** A coloured status badge; a stale target says why in its label. */
export function FreshnessBadge(props: { entry: GovernanceFreshness }) {
  const { entry } = props;
  const label =
    entry.status === 'stale'
      ? `Stale: ${entry.staleReason ?? 'no reason recorded'}`
      : entry.status;
  return (
    <Chip
      size="small"
      label={label}
      sx={{
        bgcolor: STATUS_COLOURS[entry.status],
        color: '#fff',
        maxWidth: 480,
      }}
    />
  );
}
