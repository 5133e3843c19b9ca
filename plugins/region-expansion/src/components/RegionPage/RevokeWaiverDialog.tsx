import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type {
  ReadinessWaiverChange,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { formatTime } from '../shared/time';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';

/**
 * Asks before revoking one waiver (`DELETE /waivers/:id`), because a
 * revocation re-evaluates the location at once and may block it. A refused
 * call keeps the dialog open with the server's message. Mounted afresh for
 * each waiver (keyed by the caller), so no earlier error lingers.
 */
export function RevokeWaiverDialog(props: {
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
              <ServerErrorAlert error={state.error} />
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
