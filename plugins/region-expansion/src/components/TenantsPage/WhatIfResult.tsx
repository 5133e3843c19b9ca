import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { WhatIfResult as WhatIfAnswer } from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';

type CellsToCreate = WhatIfAnswer['cellsToCreate'][number];
type QuotaRequest = WhatIfAnswer['quotaRequests'][number];

const CELL_COLUMNS: DataColumn<CellsToCreate>[] = [
  { title: 'Location', cell: row => row.locationId },
  { title: 'Isolation', cell: row => row.isolation },
  { title: 'Cells to create', numeric: true, cell: row => row.count },
];

const QUOTA_COLUMNS: DataColumn<QuotaRequest>[] = [
  { title: 'Service', cell: row => row.serviceCode },
  { title: 'Quota', cell: row => `${row.quotaName} (${row.quotaCode})` },
  { title: 'Per cell', numeric: true, cell: row => row.perCell },
  { title: 'Cells', numeric: true, cell: row => row.cellCount },
  { title: 'Total to request', numeric: true, cell: row => row.total },
];

/**
 * What a what-if answered: how many tenants fit existing and new cells or
 * nowhere (with why), the cells to create and the quotas to request.
 */
export function WhatIfResult(props: { result: WhatIfAnswer }) {
  const { result } = props;
  return (
    <Stack
      useFlexGap
      spacing={2}
      aria-label="What-if result"
      component="section"
    >
      <Typography>
        {result.requested} tenants: {result.placedInExistingCells} fit existing
        cells, {result.placedInNewCells} need new cells,{' '}
        {result.unplaceable.count} fit nowhere.
      </Typography>
      {result.unplaceable.reasons.map(reason => (
        <Typography key={reason} color="error">
          {reason}
        </Typography>
      ))}
      <DataTable
        label="Cells to create"
        columns={CELL_COLUMNS}
        rows={result.cellsToCreate}
        rowKey={row => `${row.locationId}-${row.isolation}`}
      />
      <DataTable
        label="Quotas to request"
        columns={QUOTA_COLUMNS}
        rows={result.quotaRequests}
        rowKey={row => `${row.serviceCode}-${row.quotaCode}`}
      />
    </Stack>
  );
}
