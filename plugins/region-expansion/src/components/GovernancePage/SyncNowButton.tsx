import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { governanceSyncPermission } from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { usePermissionGate } from '../shared/usePermissionGate';
import { serverMessage } from '../shared/responseErrors';

/**
 * Starts a governance sync now. Shown only with
 * `region-expansion.governance.sync`.
 */
export function SyncNowButton(props: { onTriggered: () => void }) {
  const { onTriggered } = props;
  const api = useRegionExpansionApi();
  const gate = usePermissionGate(
    governanceSyncPermission,
    'Starting a governance sync',
  );
  const [state, sync] = useAsyncFn(async () => {
    const result = await api.triggerGovernanceSync();
    onTriggered();
    return result;
  }, [api, onTriggered]);

  if (gate !== undefined) return gate;
  return (
    <Stack useFlexGap spacing={1}>
      <div>
        <Button
          variant="outlined"
          onClick={() => sync()}
          disabled={state.loading}
        >
          Sync now
        </Button>
      </div>
      {state.value && !state.loading && (
        <Typography variant="body2" role="status">
          Sync started for {state.value.triggered.join(', ') || 'no providers'}.
        </Typography>
      )}
      {state.error && (
        <Alert severity="error" role="alert">
          {serverMessage(state.error)}
        </Alert>
      )}
    </Stack>
  );
}
