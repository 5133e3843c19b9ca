import Stack from '@mui/material/Stack';
import { InfoCard } from '@backstage/core-components';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { ageOf } from '../shared/time';
import { FreshnessBadge } from './FreshnessBadge';
import { SyncProgress } from './SyncProgress';

const FRESHNESS_COLUMNS: DataColumn<GovernanceFreshness>[] = [
  { title: 'Source', cell: entry => entry.source },
  {
    title: 'Partition / account / Region',
    cell: entry => `${entry.partition} / ${entry.accountId} / ${entry.region}`,
  },
  { title: 'Status', cell: entry => <FreshnessBadge entry={entry} /> },
  { title: 'Last success', cell: entry => ageOf(entry.lastSuccessAt) },
  {
    title: 'Last run',
    cell: entry => `${entry.pages} pages, ${entry.rows} rows`,
  },
];

/** Freshness of every source and target, with stale-with-reason badges. */
export function FreshnessPanel(props: { freshness: GovernanceFreshness[] }) {
  const { freshness } = props;
  return (
    <InfoCard title="Freshness per source">
      <Stack useFlexGap spacing={2}>
        <SyncProgress freshness={freshness} />
        <DataTable
          label="Freshness per source and target"
          columns={FRESHNESS_COLUMNS}
          rows={freshness}
          rowKey={entry =>
            `${entry.source}/${entry.partition}/${entry.accountId}/${entry.region}`
          }
        />
      </Stack>
    </InfoCard>
  );
}
