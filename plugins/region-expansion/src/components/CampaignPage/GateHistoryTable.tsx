import { formatTime } from '../shared/time';
import { DataTable } from '../shared/DataTable';
import type { CampaignGateChange } from '@region-expansion/plugin-region-expansion-common';
import { GateStateChip } from './GateStateChip';

/** Every change of a gate's state, newest first as the server sends it. */
export function GateHistoryTable(props: {
  rows: readonly CampaignGateChange[];
}) {
  return (
    <DataTable
      label="Gate history"
      rows={props.rows}
      rowKey={(row, index) => `${row.gateId}-${row.at}-${index}`}
      emptyText="No gate has changed state yet."
      columns={[
        { title: 'When', cell: row => formatTime(row.at) },
        { title: 'Gate', cell: row => row.gateId },
        { title: 'State', cell: row => <GateStateChip state={row.state} /> },
        { title: 'Reason', cell: row => row.reason },
      ]}
    />
  );
}
