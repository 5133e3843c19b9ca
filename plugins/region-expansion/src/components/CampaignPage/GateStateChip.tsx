import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';
import { useSignalStatusColours } from '../shared/readiness';
import { readableTextColour } from '../shared/readableTextColour';
import type { CampaignGate } from '@region-expansion/plugin-region-expansion-common';

/** A gate's state in the colour of the matching readiness signal status. */
const STATUS_OF = {
  passed: 'pass',
  failed: 'fail',
  unknown: 'unknown',
} as const;

/** One gate state as a chip; unknown is grey, never a pass. */
export function GateStateChip(props: { state: CampaignGate['state'] }) {
  const { state } = props;
  const { palette } = useTheme();
  const background = useSignalStatusColours()[STATUS_OF[state]];
  return (
    <Chip
      size="small"
      label={state}
      sx={{
        bgcolor: background,
        color: readableTextColour(background, palette),
        minWidth: 64,
      }}
    />
  );
}
