import type { CampaignGate } from '@region-expansion/plugin-region-expansion-common';
import { ColouredChip } from '../shared/ColouredChip';
import { useSignalStatusColours } from '../shared/readiness';

/** A gate's state in the colour of the matching readiness signal status. */
const STATUS_OF = {
  passed: 'pass',
  failed: 'fail',
  unknown: 'unknown',
} as const;

/** One gate state as a chip; unknown is grey, never a pass. */
export function GateStateChip(props: { state: CampaignGate['state'] }) {
  const { state } = props;
  const colour = useSignalStatusColours()[STATUS_OF[state]];
  return <ColouredChip label={state} colour={colour} minWidth={64} />;
}
