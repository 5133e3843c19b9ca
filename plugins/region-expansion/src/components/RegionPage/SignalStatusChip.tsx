import type { EvaluatedReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import { ColouredChip } from '../shared/ColouredChip';
import { useSignalStatusColours } from '../shared/readiness';

/** One signal's status as a chip in the status's colour. */
export function SignalStatusChip(props: { signal: EvaluatedReadinessSignal }) {
  const { signal } = props;
  const colour = useSignalStatusColours()[signal.status];
  return <ColouredChip label={signal.status} colour={colour} minWidth={64} />;
}
