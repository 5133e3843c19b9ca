import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { ageOf, formatTime } from '../shared/time';

/** How far the current sync got: targets finished and pages/rows read. */
export function SyncProgress(props: { freshness: GovernanceFreshness[] }) {
  const { freshness } = props;
  const running = freshness.filter(entry => entry.status === 'running');
  if (running.length === 0) {
    const last = freshness
      .map(entry => entry.lastSuccessAt)
      .filter((at): at is string => !!at)
      .sort()
      .pop();
    return (
      <Typography variant="body2">
        No sync running. Last successful read:{' '}
        {last ? `${ageOf(last)} (${formatTime(last)})` : 'never'}.
      </Typography>
    );
  }
  const done = freshness.length - running.length;
  const percent = Math.round((done / freshness.length) * 100);
  const pages = running.reduce((sum, entry) => sum + entry.pages, 0);
  const rows = running.reduce((sum, entry) => sum + entry.rows, 0);
  return (
    <Stack useFlexGap spacing={1}>
      <Typography variant="body2">
        Sync running: {done} of {freshness.length} targets done; {pages} pages
        and {rows} rows read so far by the {running.length} running.
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`Governance sync progress: ${percent}%`}
      />
    </Stack>
  );
}
