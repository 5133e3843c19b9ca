import Typography from '@mui/material/Typography';
import {
  governanceExportPermission,
  type GovernanceFindingFilter,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ActionButton } from '../shared/ActionButton';
import { usePermissionGate } from '../shared/usePermissionGate';

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
  if (gate !== undefined) return gate;
  const scope = Object.entries(filter)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return (
    <ActionButton
      label="Download evidence bundle"
      variant="contained"
      action={async () => {
        const bundle = await api.downloadEvidenceBundle({ query: filter });
        saveFile(bundle.blob, bundle.fileName);
        return bundle;
      }}
      done={bundle => `Downloaded ${bundle.fileName}.`}
    >
      <Typography variant="caption" color="text.secondary">
        A ZIP of findings, Resilience Hub, Audit Manager and Config data with a
        manifest of SHA-256 digests, for{' '}
        {scope || 'all partitions and accounts'}.
      </Typography>
    </ActionButton>
  );
}
