import { memo, useState } from 'react';
import Box from '@mui/material/Box';
import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import {
  ErrorPanel,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  TENANT_SORT_FIELDS,
  type TenantListQuery,
  type TenantSortField,
} from '@region-expansion/plugin-region-expansion-common';
import { useTenants } from '../../hooks/useTenants';
import { lazyComponent } from '../shared/lazyComponent';

const tenantsGrid = lazyComponent(() =>
  import('./TenantsGrid').then(m => m.TenantsGrid),
);

/** The grid's sort model as the API's `sort` (one field, server-side). */
function sortParam(model: GridSortModel): TenantListQuery['sort'] {
  const [first] = model;
  if (!first?.sort) return undefined;
  if (!TENANT_SORT_FIELDS.includes(first.field as TenantSortField)) {
    return undefined;
  }
  return `${first.field as TenantSortField}:${first.sort}`;
}

/**
 * Tenants, one server page at a time: the API pages, filters, searches and
 * sorts, so the
 * browser never holds more than one page. The first page's request starts
 * when the table mounts, in parallel with the grid's code (see
 * {@link TenantsGrid}).
 */
export const TenantsTable = memo(function TenantsTableView(props: {
  filters: Omit<TenantListQuery, 'offset' | 'limit' | 'sort'>;
  onSelect: (tenantId: string) => void;
}) {
  const { filters, onSelect } = props;
  const { Component: TenantsGrid, error: gridError } =
    tenantsGrid.useComponent();
  const [pagination, setPagination] = useState<GridPaginationModel>({
    page: 0,
    pageSize: 50,
  });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const sort = sortParam(sortModel);
  const filterKey = JSON.stringify([filters, sort]);
  const [pageFilterKey, setPageFilterKey] = useState(filterKey);
  // New filters or a new order start again at the first page.
  if (pageFilterKey !== filterKey) {
    setPageFilterKey(filterKey);
    setPagination(previous => ({ ...previous, page: 0 }));
  }

  const { loading, error, value } = useTenants({
    ...filters,
    ...(sort ? { sort } : {}),
    offset: pagination.page * pagination.pageSize,
    limit: pagination.pageSize,
  });

  if (error) return <ResponseErrorPanel error={error} />;
  if (gridError)
    return <ErrorPanel title="Could not load the table" error={gridError} />;
  // The grid mounts once its code and the first page are both there: when
  // the code wins the race, mounting it empty first lays the grid out twice
  // (seen in a commit trace). Later pages keep it mounted with its own
  // loading state.
  return (
    <Box sx={{ height: 560, width: '100%' }}>
      {TenantsGrid && value ? (
        <TenantsGrid
          rows={value.items}
          rowCount={value.totalCount}
          loading={loading}
          pagination={pagination}
          onPaginationChange={setPagination}
          sortModel={sortModel}
          onSortModelChange={setSortModel}
          onSelect={onSelect}
        />
      ) : (
        <Progress />
      )}
    </Box>
  );
});
