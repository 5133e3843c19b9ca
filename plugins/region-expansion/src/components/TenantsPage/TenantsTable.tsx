import { useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
} from '@mui/x-data-grid';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  Tenant,
  TenantListQuery,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from '../../api';

/** Page sizes offered; 100 is the community DataGrid's maximum. */
const PAGE_SIZES = [25, 50, 100];

const columns: GridColDef<Tenant>[] = [
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 160 },
  { field: 'id', headerName: 'Id', flex: 1, minWidth: 140 },
  { field: 'tier', headerName: 'Tier', width: 90 },
  { field: 'classification', headerName: 'Classification', width: 130 },
  { field: 'loadUnits', headerName: 'Load units', type: 'number', width: 110 },
  {
    field: 'residency',
    headerName: 'Residency',
    flex: 1,
    minWidth: 160,
    sortable: false,
    valueGetter: (_value, row) =>
      [
        row.residency.partition && `partition ${row.residency.partition}`,
        row.residency.countries?.join(' '),
        row.residency.jurisdictions?.join(' '),
      ]
        .filter(Boolean)
        .join(' · ') || 'any',
  },
  {
    field: 'cellId',
    headerName: 'Cell',
    width: 140,
    valueGetter: (_value, row) => row.cellId ?? 'unplaced',
  },
];

/**
 * Tenants, one server page at a time: the API pages and filters, so the
 * browser never holds more than one page, and the grid virtualises rows so
 * the DOM holds only those in view. Sorting orders the loaded page (the API
 * has no sort parameter).
 */
export function TenantsTable(props: {
  filters: Omit<TenantListQuery, 'offset' | 'limit'>;
  onSelect: (tenantId: string) => void;
}) {
  const { filters, onSelect } = props;
  const api = useApi(regionExpansionApiRef);
  const [pagination, setPagination] = useState<GridPaginationModel>({
    page: 0,
    pageSize: 50,
  });
  const filterKey = JSON.stringify(filters);
  const [pageFilterKey, setPageFilterKey] = useState(filterKey);
  // New filters start again at the first page.
  if (pageFilterKey !== filterKey) {
    setPageFilterKey(filterKey);
    setPagination(previous => ({ ...previous, page: 0 }));
  }

  const { loading, error, value } = useAsync(
    () =>
      api.listTenants({
        ...filters,
        offset: pagination.page * pagination.pageSize,
        limit: pagination.pageSize,
      }),
    // filterKey stands for `filters`, whose identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey, pagination],
  );

  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Box sx={{ height: 560, width: '100%' }}>
      <DataGrid
        aria-label="Tenants"
        rows={value?.items ?? []}
        columns={columns}
        loading={loading}
        rowCount={value?.totalCount ?? 0}
        paginationMode="server"
        paginationModel={pagination}
        onPaginationModelChange={setPagination}
        pageSizeOptions={PAGE_SIZES}
        sortingMode="client"
        disableColumnFilter
        onRowClick={params => onSelect(String(params.id))}
        density="compact"
        slots={{
          noRowsOverlay: () => (
            <Box sx={{ p: 2 }}>
              <Typography>
                No tenants match. Tenants are created with POST /tenants or
                imported (POST /tenants/import); clear the filters to see all.
              </Typography>
            </Box>
          ),
        }}
      />
    </Box>
  );
}
