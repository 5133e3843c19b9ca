import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  waiverManagePermission,
  type ReadinessWaiverChange,
  type StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { formatTime } from '../shared/charts';
import { serverMessage } from '../shared/EmptyOrError';

/** Why the revoke action is disabled, naming the permission the route checks. */
export const REVOKE_DENIED_REASON = `Revoking a waiver needs the ${waiverManagePermission.name} permission`;

/**
 * Asks before revoking one waiver (`DELETE /waivers/:id`), because a
 * revocation re-evaluates the location at once and may block it. A refused
 * call keeps the dialog open with the server's message. Mounted afresh for
 * each waiver (keyed by the caller), so no earlier error lingers.
 */
function RevokeWaiverDialog(props: {
  waiver?: StoredReadinessWaiver;
  onClose: () => void;
  onRevoked: (change: ReadinessWaiverChange) => void;
}) {
  const { waiver, onClose, onRevoked } = props;
  const api = useRegionExpansionApi();
  const [state, revoke] = useAsyncFn(
    async (id: string) => {
      const change = await api.revokeWaiver({ path: { id } });
      onRevoked(change);
      return change;
    },
    [api, onRevoked],
  );
  return (
    <Dialog
      open={!!waiver}
      onClose={state.loading ? undefined : onClose}
      aria-labelledby="revoke-waiver-title"
      aria-describedby="revoke-waiver-description"
    >
      {waiver && (
        <>
          <DialogTitle id="revoke-waiver-title">
            Revoke the {waiver.check} waiver for {waiver.locationId}?
          </DialogTitle>
          <DialogContent>
            <Stack useFlexGap spacing={2}>
              <DialogContentText id="revoke-waiver-description">
                The waiver approved by {waiver.approver} (valid until{' '}
                {formatTime(waiver.expiresAt)}) stops applying now and{' '}
                {waiver.locationId} is evaluated again: a failing {waiver.check}{' '}
                check will block it. The revocation is recorded under your name.
              </DialogContentText>
              {state.error && (
                <Alert severity="error" role="alert">
                  {serverMessage(state.error)}
                </Alert>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={state.loading}>
              Cancel
            </Button>
            <Button
              color="error"
              variant="contained"
              disabled={state.loading}
              onClick={() => revoke(waiver.id)}
            >
              Revoke waiver
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

/**
 * The revoke action of one active waiver: a button with the permission, a
 * disabled button whose tooltip names the permission without it, nothing
 * while the permission decision loads.
 */
function RevokeAction(props: {
  waiver: StoredReadinessWaiver;
  canManage?: boolean;
  onRevoke: (waiver: StoredReadinessWaiver) => void;
}) {
  const { waiver, canManage, onRevoke } = props;
  if (canManage === undefined) return null;
  const label = `Revoke the ${waiver.check} waiver`;
  if (!canManage) {
    return (
      <Tooltip title={REVOKE_DENIED_REASON} describeChild>
        {/* A disabled button fires no events; the span shows the tooltip. */}
        <span>
          <Button size="small" disabled aria-label={label}>
            Revoke
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <Button
      size="small"
      color="error"
      aria-label={label}
      onClick={() => onRevoke(waiver)}
    >
      Revoke
    </Button>
  );
}

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
