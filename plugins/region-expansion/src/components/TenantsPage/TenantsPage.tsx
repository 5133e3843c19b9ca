import {
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Content, ResponseErrorPanel } from '@backstage/core-components';
import {
  TENANT_TIERS,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { useLocations } from '../../hooks/useLocations';
import { usePartitions } from '../../hooks/usePartitions';
import { FilterBar } from '../shared/FilterBar';
import { UrlFilterSelect } from '../shared/UrlFilterSelect';
import { useUrlFilters, yesNoFlag } from '../shared/useUrlFilters';
import { CellFilter } from './CellFilter';
import { TenantsTable } from './TenantsTable';
import { TenantSearchField } from './TenantSearchField';
import { TenantImportDialog } from './TenantImportDialog';
import { TenantDrawer } from './TenantDrawer';
import { WhatIfSection } from './WhatIfSection';

/**
 * False in the first render, true right after its commit, set in a
 * transition (an interruptible render): for parts of a page that should not
 * hold back its first render and the requests its effects start.
 */
function useShownAfterFirstCommit(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    startTransition(() => setShown(true));
  }, []);
  return shown;
}

/**
 * Tenants with server-side filters kept in the URL (`q`, `tier`,
 * `partition`, `location`, `cell`, `placed`), a drawer for the tenant named by `tenant`,
 * the what-if section (`whatIf=open`) and the import dialog
 * (`import=open`).
 *
 * The table asks for its first page at once: it waits for nothing. The
 * partition and location lists load in parallel and fill their drop-downs
 * when they arrive; the cell list loads only when its filter opens.
 */
export function TenantsPage() {
  const partitionList = usePartitions();
  const locationList = useLocations();
  const partitions = partitionList.value ?? [];
  const locations = locationList.value ?? [];
  const listError = partitionList.error ?? locationList.error;
  const { searchParams, setFilter } = useUrlFilters();
  // The filter bar (five MUI inputs) took ~0.2 s of a slow CPU to mount, all
  // before the table's first request could start. It renders in a
  // transition right after the first commit: the table's request goes
  // first, and the table's update preempts the bar's render. An empty box
  // of the bar's height keeps the layout still meanwhile. (Not waiting for
  // the option lists: a slow list must not hide the filters.)
  const filtersShown = useShownAfterFirstCommit();
  const get = (name: string) => searchParams.get(name) ?? '';
  const tier = get('tier');
  const placed = get('placed');
  const partition = get('partition');
  const locationId = get('location');
  const cellId = get('cell');
  const q = get('q');
  // One object per filter change, not per render: the table (and its
  // DataGrid, the page's heaviest part) is memoized on it, so the lists,
  // drawer and what-if section updating do not re-render the grid.
  const filters = useMemo(
    () => ({
      tier: TENANT_TIERS.includes(tier as TenantTier)
        ? (tier as TenantTier)
        : undefined,
      partition: partition || undefined,
      locationId: locationId || undefined,
      cellId: cellId || undefined,
      // `placed=no` asks the API for unplaced tenants.
      unplaced: yesNoFlag(placed, 'no', 'yes'),
      q: q || undefined,
    }),
    [tier, partition, locationId, cellId, placed, q],
  );
  const selectTenant = useCallback(
    (id: string) => setFilter('tenant', id),
    [setFilter],
  );
  const setWhatIfOpen = useCallback(
    (open: boolean) => setFilter('whatIf', open ? 'open' : ''),
    [setFilter],
  );
  // Bumped by an import: the table asks for its page again.
  const [imports, setImports] = useState(0);
  const onImported = useCallback(() => setImports(n => n + 1), []);

  return (
    <Content>
      <Stack useFlexGap spacing={3}>
        {filtersShown ? (
          <FilterBar label="Tenant filters">
            <TenantSearchField value={q} onChange={v => setFilter('q', v)} />
            <UrlFilterSelect
              label="Tier"
              param="tier"
              options={TENANT_TIERS.map(t => ({ value: t, label: t }))}
            />
            <UrlFilterSelect
              label="Partition"
              param="partition"
              options={partitions.map(p => ({ value: p.id, label: p.id }))}
            />
            <UrlFilterSelect
              label="Location"
              param="location"
              options={locations.map(l => ({ value: l.id, label: l.id }))}
            />
            <CellFilter
              value={get('cell')}
              locationId={filters.locationId}
              partition={filters.partition}
              onChange={v => setFilter('cell', v)}
            />
            <UrlFilterSelect
              label="Placement"
              param="placed"
              options={[
                { value: 'yes', label: 'Placed' },
                { value: 'no', label: 'Unplaced' },
              ]}
            />
          </FilterBar>
        ) : (
          <Box sx={{ height: 40 }} aria-hidden />
        )}
        {listError && <ResponseErrorPanel error={listError} />}
        <Box>
          <Button
            variant="outlined"
            startIcon={<UploadFileIcon />}
            onClick={() => setFilter('import', 'open')}
          >
            Import tenants
          </Button>
        </Box>
        <TenantsTable key={imports} filters={filters} onSelect={selectTenant} />
        <TenantImportDialog
          open={get('import') === 'open'}
          onClose={() => setFilter('import', '')}
          onImported={onImported}
        />
        <WhatIfSection
          partitions={partitions}
          open={get('whatIf') === 'open'}
          onOpenChange={setWhatIfOpen}
        />
        <TenantDrawer
          tenantId={get('tenant') || undefined}
          locations={locations}
          onClose={() => setFilter('tenant', '')}
        />
      </Stack>
    </Content>
  );
}
