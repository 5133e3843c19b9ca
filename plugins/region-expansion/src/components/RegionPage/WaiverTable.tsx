import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type {
  ReadinessWaiverChange,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { formatTime } from '../shared/time';
import { RevokeAction } from './RevokeAction';
import { RevokeWaiverDialog } from './RevokeWaiverDialog';

const WAIVER_COLUMNS: DataColumn<StoredReadinessWaiver>[] = [
  { title: 'Check', cell: waiver => waiver.check },
  {
    title: 'Status',
    cell: waiver =>
      waiver.status === 'revoked' && waiver.revokedBy
        ? `${waiver.status} by ${waiver.revokedBy}`
        : waiver.status,
  },
  { title: 'Expires', cell: waiver => formatTime(waiver.expiresAt) },
  { title: 'Reason', cell: waiver => waiver.reason },
  { title: 'Approver', cell: waiver => waiver.approver },
  { title: 'Recorded by', cell: waiver => waiver.createdBy },
];

/**
 * Every waiver of a location with its status and expiry; active ones can be
 * revoked with `region-expansion.waiver.manage` (`canManage` is `undefined`
 * while that decision loads). `onRevoked` runs after a revocation so the
 * caller reloads the list and the readiness it changed.
 */
export function WaiverTable(props: {
  waivers: StoredReadinessWaiver[];
  canManage?: boolean;
  onRevoked: (change: ReadinessWaiverChange) => void;
}) {
  const { waivers, canManage, onRevoked } = props;
  const [pending, setPending] = useState<StoredReadinessWaiver>();
  const [revoked, setRevoked] = useState<ReadinessWaiverChange>();
  const columns: DataColumn<StoredReadinessWaiver>[] = [
    ...WAIVER_COLUMNS,
    {
      title: 'Actions',
      cell: waiver =>
        waiver.status === 'active' ? (
          <RevokeAction
            waiver={waiver}
            canManage={canManage}
            onRevoke={setPending}
          />
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Stack useFlexGap spacing={2}>
      {revoked && (
        <Alert severity="success" role="status">
          Waiver for {revoked.waiver.check} revoked; readiness of{' '}
          {revoked.evaluation.locationId} is now {revoked.evaluation.level}.
        </Alert>
      )}
      <DataTable
        label="Waivers"
        columns={columns}
        rows={waivers}
        rowKey={waiver => waiver.id}
        emptyText="No waivers for this location."
      />
      <RevokeWaiverDialog
        key={pending?.id ?? 'closed'}
        waiver={pending}
        onClose={() => setPending(undefined)}
        onRevoked={change => {
          setPending(undefined);
          setRevoked(change);
          onRevoked(change);
        }}
      />
    </Stack>
  );
}
