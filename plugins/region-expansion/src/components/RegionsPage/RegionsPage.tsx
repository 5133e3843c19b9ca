import { useMemo } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Content, InfoCard } from '@backstage/core-components';
import { useRegionExpansionData } from '../shared/useRegionExpansionData';
import {
  buildRegionOverviews,
  filterRegionOverviews,
  type RegionFilters,
} from '../shared/regionOverview';
import {
  DISPLAYED_READINESS_LEVELS,
  isDisplayedReadinessLevel,
} from '../shared/readiness';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { FilterSelect } from '../shared/FilterSelect';
import { parseYesNo, useUrlFilters } from '../shared/useUrlFilter';
import { AsyncContent, NoLocationsEmptyState } from '../shared/EmptyOrError';
import { RegionsMap } from './RegionsMap';
import { RegionsGrid } from './RegionsGrid';

/**
 * Every partition and Region on a world map and in a grouped grid, with
 * filters kept in the URL (`partition`, `readiness`, `cells=with|without`).
 */
export function RegionsPage() {
  const { loading, error, value } = useRegionExpansionData();
  const { searchParams, setFilter } = useUrlFilters();

  const partitionParam = searchParams.get('partition') ?? '';
  const readinessParam = searchParams.get('readiness');
  const cellsParam = searchParams.get('cells') ?? '';
  const filters: RegionFilters = {
    partition: partitionParam || undefined,
    readiness: isDisplayedReadinessLevel(readinessParam)
      ? readinessParam
      : undefined,
    hasCells: parseYesNo(cellsParam, 'with', 'without'),
  };

  const overviews = useMemo(
    () =>
      value
        ? buildRegionOverviews(value.locations, value.cells, value.readiness)
        : [],
    [value],
  );
  const shown = filterRegionOverviews(overviews, filters);

  return (
    <Content>
      <AsyncContent loading={loading} error={error} value={value}>
        {data =>
          data.locations.length === 0 ? (
            <NoLocationsEmptyState />
          ) : (
            <Stack spacing={3}>
              <Stack
                direction="row"
                spacing={2}
                flexWrap="wrap"
                useFlexGap
                component="form"
                aria-label="Region filters"
                onSubmit={e => e.preventDefault()}
              >
                <FilterSelect
                  label="Partition"
                  value={filters.partition ?? ''}
                  options={data.partitions.map(p => ({
                    value: p.id,
                    label: `${p.name} (${p.id})`,
                  }))}
                  onChange={v => setFilter('partition', v)}
                />
                <FilterSelect
                  label="Readiness"
                  value={filters.readiness ?? ''}
                  options={DISPLAYED_READINESS_LEVELS.map(level => ({
                    value: level,
                    label: level,
                  }))}
                  onChange={v => setFilter('readiness', v)}
                />
                <FilterSelect
                  label="Cells"
                  value={cellsParam}
                  options={[
                    { value: 'with', label: 'Has cells' },
                    { value: 'without', label: 'No cells' },
                  ]}
                  onChange={v => setFilter('cells', v)}
                />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                Showing {shown.length} of {overviews.length} Regions. Colour
                shows each Region's latest readiness evaluation; a Region never
                evaluated is unknown.
              </Typography>
              <ReadinessUnavailableNote error={data.readinessError} />
              <InfoCard title="Map" noPadding>
                <RegionsMap
                  overviews={shown}
                  partitions={data.partitions.map(p => p.id)}
                />
              </InfoCard>
              <RegionsGrid overviews={shown} partitions={data.partitions} />
            </Stack>
          )
        }
      </AsyncContent>
    </Content>
  );
}
