import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { ageOf, formatTime } from '../shared/charts';

const STATUS_COLOURS: Record<GovernanceFreshness['status'], string> = {
  ok: '#2e7d32',
  running: '#1565c0',
  stale: '#b45309',
  unavailable: '#c62828',
  never: '#616161',
};

/** A coloured status badge; a stale target says why in its label. */
export function FreshnessBadge(props: { entry: GovernanceFreshness }) {
  const { entry } = props;
  const label =
    entry.status === 'stale'
      ? `Stale: ${entry.staleReason ?? 'no reason recorded'}`
      : entry.status;
  return (
    <Chip
      size="small"
      label={label}
      sx={{
        bgcolor: STATUS_COLOURS[entry.status],
        color: '#fff',
        maxWidth: 480,
      }}
    />
  );
}

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

/** Freshness of every source and target, with stale-with-reason badges. */
export function FreshnessPanel(props: { freshness: GovernanceFreshness[] }) {
  const { freshness } = props;
  return (
    <InfoCard title="Freshness per source">
      <Stack useFlexGap spacing={2}>
        <SyncProgress freshness={freshness} />
        <Table size="small" aria-label="Freshness per source and target">
          <TableHead>
            <TableRow>
              <TableCell>Source</TableCell>
              <TableCell>Partition / account / Region</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Last success</TableCell>
              <TableCell>Last run</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {freshness.map(entry => (
              <TableRow
                key={`${entry.source}/${entry.partition}/${entry.accountId}/${entry.region}`}
              >
                <TableCell>{entry.source}</TableCell>
                <TableCell>
                  {entry.partition} / {entry.accountId} / {entry.region}
                </TableCell>
                <TableCell>
                  <FreshnessBadge entry={entry} />
                </TableCell>
                <TableCell>{ageOf(entry.lastSuccessAt)}</TableCell>
                <TableCell>
                  {entry.pages} pages, {entry.rows} rows
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
    </InfoCard>
  );
}
