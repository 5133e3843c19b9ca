import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import { Link as RouterLink } from 'react-router-dom';
import {
  Content,
  ErrorPanel,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { campaignsRouteRef, compareRouteRef } from '../../routes';
import { regionExpansionTranslationRef } from '../../translation';
import { useRegionOverview } from '../../hooks/useRegionOverview';
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
import { FilterBar } from '../shared/FilterBar';
import { FilterSelect } from '../shared/FilterSelect';
import { UrlFilterSelect } from '../shared/UrlFilterSelect';
import { parseYesNo, useUrlFilters } from '../shared/useUrlFilters';
import { AsyncContent } from '../shared/AsyncContent';
import { NoLocationsEmptyState } from '../shared/NoLocationsEmptyState';
import { lazyComponent } from '../shared/lazyComponent';
import { RegionsGrid } from './RegionsGrid';

/**
 * The map (react-simple-maps, d3-geo and the world-atlas outlines) is a
 * chunk of its own: the grid does not wait for it. The page starts loading
 * it on mount, in parallel with the data, so no request waits on another.
 */
const regionsMap = lazyComponent(() =>
  import('./RegionsMap').then(m => m.RegionsMap),
);

/** Holds the map's place (900 × 440) while its chunk loads. */
function MapPlaceholder() {
  return (
    <Box
      sx={{ aspectRatio: '900 / 440', display: 'grid', alignItems: 'center' }}
      aria-label="Loading the world map"
    >
      <Progress />
    </Box>
  );
}

/**
 * Every partition and Region on a world map and in a grouped grid, with
 * filters kept in the URL (`partition`, `readiness`, `cells=with|without`).
 */
export function RegionsPage() {
  const { loading, error, value } = useRegionOverview();
  const { searchParams, setFilter } = useUrlFilters();
  const { Component: RegionsMap, error: mapError } = regionsMap.useComponent();
  const compareLink = useRouteRef(compareRouteRef)();
  const campaignsLink = useRouteRef(campaignsRouteRef)();
  const { t } = useTranslationRef(regionExpansionTranslationRef);

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
        ? buildRegionOverviews(
            value.locations,
            value.summaries,
            value.readiness.byLocation,
          )
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
            <Stack useFlexGap spacing={3}>
              <FilterBar label="Region filters">
                <UrlFilterSelect
                  label="Partition"
                  param="partition"
                  options={data.partitions.map(p => ({
                    value: p.id,
                    label: `${p.name} (${p.id})`,
                  }))}
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
                <UrlFilterSelect
                  label="Cells"
                  param="cells"
                  options={[
                    { value: 'with', label: 'Has cells' },
                    { value: 'without', label: 'No cells' },
                  ]}
                />
              </FilterBar>
              <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
                <Button
                  component={RouterLink}
                  to={compareLink}
                  variant="outlined"
                  startIcon={<CompareArrowsIcon />}
                >
                  {t('comparePage.title')}
                </Button>
                <Button
                  component={RouterLink}
                  to={campaignsLink}
                  variant="outlined"
                  startIcon={<RocketLaunchIcon />}
                >
                  {t('page.campaignsTitle')}
                </Button>
              </Stack>
              <Typography variant="body2" color="text.secondary">
                Showing {shown.length} of {overviews.length} Regions. Colour
                shows each Region's latest readiness evaluation; a Region never
                evaluated is unknown.
              </Typography>
              <ReadinessUnavailableNote error={data.readiness.error} />
              <InfoCard title="Map" noPadding>
                {RegionsMap && (
                  <RegionsMap
                    overviews={shown}
                    partitions={data.partitions.map(p => p.id)}
                  />
                )}
                {!RegionsMap && mapError && (
                  <ErrorPanel title="Could not load the map" error={mapError} />
                )}
                {!RegionsMap && !mapError && <MapPlaceholder />}
              </InfoCard>
              <RegionsGrid overviews={shown} partitions={data.partitions} />
            </Stack>
          )
        }
      </AsyncContent>
    </Content>
  );
}
