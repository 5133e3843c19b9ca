import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  governanceExportPermission,
  type GovernanceFindingFilter,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { usePermissionGate } from '../shared/usePermissionGate';
import { serverMessage } from '../shared/responseErrors';

/** Hands a downloaded file to the browser under the server's file name. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the evidence bundle (ZIP with manifest) for the current
 * filters. The request goes through the fetch API so it carries the user's
 * credentials. Shown only with `region-expansion.governance.export`.
 */
export function EvidenceBundleDownload(props: {
  filter: GovernanceFindingFilter;
}) {
  const { filter } = props;
  const api = useRegionExpansionApi();
  const gate = usePermissionGate(
    governanceExportPermission,
    'Downloading the evidence bundle',
  );
  const [state, download] = useAsyncFn(async () => {
    const bundle = await api.downloadEvidenceBundle({ query: filter });
    saveFile(bundle.blob, bundle.fileName);
    return bundle;
  }, [api, filter]);

  if (gate !== undefined) return gate;
  const scope = Object.entries(filter)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return (
    <Stack useFlexGap spacing={1}>
      <div>
        <Button
          variant="contained"
          onClick={() => download()}
          disabled={state.loading}
        >
          Download evidence bundle
        </Button>
      </div>
      <Typography variant="caption" color="text.secondary">
        A ZIP of findings, Resilience Hub, Audit Manager and Config data with a
        manifest of SHA-256 digests, for{' '}
        {scope || 'all partitions and accounts'}.
      </Typography>
      {state.value && !state.loading && (
        <Typography variant="body2" role="status">
          Downloaded {state.value.fileName}.
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
