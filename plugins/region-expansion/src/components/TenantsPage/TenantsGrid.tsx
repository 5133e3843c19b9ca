import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import type { Tenant } from '@region-expansion/plugin-region-expansion-common';

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

/** Shown when no tenant matches; says what to do about it in the portal. */
function NoTenantsOverlay() {
  return (
    <Box sx={{ p: 2 }}>
      <Typography>
        No tenant matches the search and filters. Clear them to see every
        tenant, or add tenants with Import tenants above (a CSV or YAML file);
        the onboarding wizard places new tenants too.
      </Typography>
    </Box>
  );
}

// Module constants: a new slot component per render would remount it.
const slots = { noRowsOverlay: NoTenantsOverlay };

/**
 * The DataGrid of the tenants table: a chunk of its own (the DataGrid is
 * ~0.9 MB minified), so the first page's request does not wait for it.
 * Rows are one server page; the grid virtualises them so the DOM holds only
 * those in view. A header click asks the server for the order across all
 * pages (`sortingMode="server"`).
 */
export function TenantsGrid(props: {
  rows: Tenant[];
  rowCount: number;
  loading: boolean;
  pagination: GridPaginationModel;
  onPaginationChange: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSortModelChange: (model: GridSortModel) => void;
  onSelect: (tenantId: string) => void;
}) {
  const {
    rows,
    rowCount,
    loading,
    pagination,
    onPaginationChange,
    sortModel,
    onSortModelChange,
    onSelect,
  } = props;
  return (
    <DataGrid
      aria-label="Tenants"
      rows={rows}
      columns={columns}
      loading={loading}
      rowCount={rowCount}
      paginationMode="server"
      paginationModel={pagination}
      onPaginationModelChange={onPaginationChange}
      pageSizeOptions={PAGE_SIZES}
      sortingMode="server"
      sortModel={sortModel}
      onSortModelChange={onSortModelChange}
      filterMode="server"
      // Filters and search live above the table (server-side) and sorting
      // is a header click, so the per-column menus (a button and tooltip
      // per column) go.
      disableColumnFilter
      disableColumnMenu
      onRowClick={params => onSelect(String(params.id))}
      density="compact"
      slots={slots}
    />
  );
}
