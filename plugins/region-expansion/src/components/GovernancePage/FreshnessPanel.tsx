import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { InfoCard } from '@backstage/core-components';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { ageOf } from '../shared/time';
import { FreshnessBadge } from './FreshnessBadge';
import { SyncProgress } from './SyncProgress';

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
