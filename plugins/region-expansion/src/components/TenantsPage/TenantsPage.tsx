import Stack from '@mui/material/Stack';
import { Content } from '@backstage/core-components';
import {
  TENANT_TIERS,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionData } from '../shared/useRegionExpansionData';
import { AsyncContent } from '../shared/EmptyOrError';
import { FilterSelect } from '../shared/FilterSelect';
import { parseYesNo, useUrlFilters } from '../shared/useUrlFilter';
import { TenantsTable } from './TenantsTable';
import { TenantDrawer } from './TenantDrawer';
import { WhatIfForm } from './WhatIfForm';

/**
 * Tenants with server-side filters kept in the URL (`tier`, `partition`,
 * `location`, `cell`, `placed`), a drawer for the tenant named by `tenant`,
 * and the what-if form.
 */
export function TenantsPage() {
  const { loading, error, value } = useRegionExpansionData();
  const { searchParams, setFilter } = useUrlFilters();
  const get = (name: string) => searchParams.get(name) ?? '';
  const tier = get('tier');
  const placed = get('placed');
  const filters = {
    tier: TENANT_TIERS.includes(tier as TenantTier)
      ? (tier as TenantTier)
      : undefined,
    partition: get('partition') || undefined,
    locationId: get('location') || undefined,
    cellId: get('cell') || undefined,
    // `placed=no` asks the API for unplaced tenants.
    unplaced: parseYesNo(placed, 'no', 'yes'),
  };

  return (
    <Content>
      <AsyncContent loading={loading} error={error} value={value}>
        {({ partitions, locations, cells }) => (
          <Stack spacing={3}>
            <Stack
              direction="row"
              spacing={2}
              flexWrap="wrap"
              useFlexGap
              aria-label="Tenant filters"
            >
              <FilterSelect
                label="Tier"
                value={get('tier')}
                options={TENANT_TIERS.map(t => ({ value: t, label: t }))}
                onChange={v => setFilter('tier', v)}
              />
              <FilterSelect
                label="Partition"
                value={get('partition')}
                options={partitions.map(p => ({ value: p.id, label: p.id }))}
                onChange={v => setFilter('partition', v)}
              />
              <FilterSelect
                label="Location"
                value={get('location')}
                options={locations.map(l => ({ value: l.id, label: l.id }))}
                onChange={v => setFilter('location', v)}
              />
              <FilterSelect
                label="Cell"
                value={get('cell')}
                options={cells.map(c => ({ value: c.id, label: c.id }))}
                onChange={v => setFilter('cell', v)}
              />
              <FilterSelect
                label="Placement"
                value={placed}
                options={[
                  { value: 'yes', label: 'Placed' },
                  { value: 'no', label: 'Unplaced' },
                ]}
                onChange={v => setFilter('placed', v)}
              />
            </Stack>
            <TenantsTable
              filters={filters}
              onSelect={id => setFilter('tenant', id)}
            />
            <WhatIfForm cells={cells} partitions={partitions} />
            <TenantDrawer
              tenantId={get('tenant') || undefined}
              locations={locations}
              onClose={() => setFilter('tenant', '')}
            />
          </Stack>
        )}
      </AsyncContent>
    </Content>
  );
}
