import { useState } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import {
  governanceExportPermission,
  type GovernanceFindingFilter,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ActionButton } from '../shared/ActionButton';
import { usePermissionGate } from '../shared/usePermissionGate';
import { openDownloadSink, streamInto } from './downloadSink';

/** Bytes as MB with one decimal. */
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How much of the download arrived, against its size when the server sent it. */
function DownloadProgress(props: { received: number; total?: number }) {
  const { received, total } = props;
  const percent = total ? Math.min(100, (received / total) * 100) : undefined;
  return (
    <>
      <LinearProgress
        aria-label="Evidence bundle download"
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        value={percent}
      />
      <Typography variant="caption">
        {total ? `${mb(received)} of ${mb(total)}` : `${mb(received)} received`}
      </Typography>
    </>
  );
}

/**
 * Downloads the evidence bundle (ZIP with manifest) for the current
 * filters. The request goes through the fetch API so it carries the user's
 * credentials; its body is written as it arrives to the file the user
 * picks (File System Access API), so a bundle of a million findings never
 * sits in the page's memory, with the bytes received shown against the
 * server's Content-Length. A browser without that API gathers the parts
 * into a Blob for its download manager. Shown only with
 * `region-expansion.governance.export`.
 */
export function EvidenceBundleDownload(props: {
  filter: GovernanceFindingFilter;
}) {
  const { filter } = props;
  const api = useRegionExpansionApi();
  const [progress, setProgress] = useState<{
    received: number;
    total?: number;
  }>();
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
        // Before the request: the save dialog needs the click's gesture.
        const sink = await openDownloadSink(
          `governance-evidence-${new Date().toISOString().slice(0, 10)}.zip`,
        );
        if (!sink) return { cancelled: true as const };
        let file;
        try {
          file = await api.downloadEvidenceBundle({ query: filter });
        } catch (error) {
          await sink.abort();
          throw error;
        }
        const total = file.bytes;
        setProgress({ received: 0, total });
        const bytes = await streamInto(
          file.body,
          sink,
          file.fileName,
          received => setProgress({ received, total }),
        );
        return { fileName: file.fileName, bytes };
      }}
      done={result =>
        'cancelled' in result
          ? 'Download cancelled.'
          : `Downloaded ${result.fileName}.`
      }
    >
      <Typography variant="caption" color="text.secondary">
        A ZIP of findings, Resilience Hub, Audit Manager and Config data with a
        manifest of SHA-256 digests, for{' '}
        {scope || 'all partitions and accounts'}.
      </Typography>
      {progress && <DownloadProgress {...progress} />}
    </ActionButton>
  );
}
