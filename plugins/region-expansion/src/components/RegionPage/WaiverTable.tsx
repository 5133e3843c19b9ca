import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  ReadinessWaiverChange,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { formatTime } from '../shared/time';
import { RevokeAction } from './RevokeAction';
import { RevokeWaiverDialog } from './RevokeWaiverDialog';

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

  return (
    <Stack useFlexGap spacing={2}>
      {revoked && (
        <Alert severity="success" role="status">
          Waiver for {revoked.waiver.check} revoked; readiness of{' '}
          {revoked.evaluation.locationId} is now {revoked.evaluation.level}.
        </Alert>
      )}
      {waivers.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No waivers for this location.
        </Typography>
      ) : (
        <Table size="small" aria-label="Waivers">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Expires</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Approver</TableCell>
              <TableCell>Recorded by</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {waivers.map(waiver => (
              <TableRow key={waiver.id}>
                <TableCell>{waiver.check}</TableCell>
                <TableCell>
                  {waiver.status}
                  {waiver.status === 'revoked' &&
                    waiver.revokedBy &&
                    ` by ${waiver.revokedBy}`}
                </TableCell>
                <TableCell>{formatTime(waiver.expiresAt)}</TableCell>
                <TableCell>{waiver.reason}</TableCell>
                <TableCell>{waiver.approver}</TableCell>
                <TableCell>{waiver.createdBy}</TableCell>
                <TableCell>
                  {waiver.status === 'active' ? (
                    <RevokeAction
                      waiver={waiver}
                      canManage={canManage}
                      onRevoke={setPending}
                    />
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
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
