import { formatTime } from '../shared/time';
import { DataTable } from '../shared/DataTable';
import type { CampaignGate } from '@region-expansion/plugin-region-expansion-common';
import { GateStateChip } from './GateStateChip';

/** The campaign's gates now: state, the one-sentence reason, since when. */
export function GatesTable(props: { gates: readonly CampaignGate[] }) {
  return (
    <DataTable
      label="Gates"
      rows={props.gates}
      rowKey={gate => gate.gateId}
      emptyText="This campaign has no gates."
      columns={[
        { title: 'Gate', cell: gate => gate.gateId },
        { title: 'State', cell: gate => <GateStateChip state={gate.state} /> },
        { title: 'Reason', cell: gate => gate.reason },
        { title: 'Since', cell: gate => formatTime(gate.since) },
      ]}
    />
  );
}
