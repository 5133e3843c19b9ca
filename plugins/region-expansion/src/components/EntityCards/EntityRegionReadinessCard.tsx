import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { regionExpansionApiRef } from '../../api';
import { regionRouteRef } from '../../routes';
import { ReadinessChip } from '../shared/ReadinessChip';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { CellCapacityCard } from '../RegionPage/CellCapacityCard';
import { CELL_ANNOTATION, LOCATION_ANNOTATION } from './conditions';

/**
 * Readiness of the Region, Local Zone or Outpost an entity stands for, or the
 * capacity of the cell it stands for.
 *
 * @public
 */
export function EntityRegionReadinessCard() {
  const { entity } = useEntity();
  const api = useApi(regionExpansionApiRef);
  const regionLink = useRouteRef(regionRouteRef);
  const annotations = entity.metadata.annotations ?? {};
  const cellId = annotations[CELL_ANNOTATION];
  const locationId = annotations[LOCATION_ANNOTATION];

  const { loading, error, value } = useAsync(async () => {
    if (cellId) return { cell: await api.getCell({ path: { id: cellId } }) };
    const [locations, cells, readiness] = await Promise.all([
      api.listLocations().then(r => r.items),
      api.listCells({ query: { locationId } }).then(r => r.items),
      api.listReadiness().then(
        ({ items }) => ({
          summary: items.find(i => i.locationId === locationId),
          readinessError: undefined as Error | undefined,
        }),
        (readinessError: Error) => ({
          summary: undefined,
          readinessError: readinessError as Error | undefined,
        }),
      ),
    ]);
    return {
      location: locations.find(l => l.id === locationId),
      cells,
      ...readiness,
    };
  }, [api, cellId, locationId]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value?.cell) return <CellCapacityCard cell={value.cell} />;
  return (
    <InfoCard title="Region readiness">
      <Stack useFlexGap spacing={1}>
        {value?.location ? (
          <Link to={regionLink({ locationId: value.location.id })}>
            {value.location.name} ({value.location.id})
          </Link>
        ) : (
          <Typography>
            Location {locationId} is not known to the region-expansion backend;
            check the {LOCATION_ANNOTATION} annotation.
          </Typography>
        )}
        <ReadinessChip level={value?.summary?.level ?? 'unknown'} />
        {value?.summary ? (
          <Typography variant="body2" color="text.secondary">
            Evaluated {new Date(value.summary.evaluatedAt).toLocaleString()}:{' '}
            {value.summary.blockers.length} blockers,{' '}
            {value.summary.openChecks.length} open checks
            {value.summary.blockers.length > 0 &&
              ` (${value.summary.blockers.map(b => b.detail).join('; ')})`}
          </Typography>
        ) : (
          !value?.readinessError && (
            <Typography variant="body2" color="text.secondary">
              This location has no readiness evaluation yet, so its level is
              unknown (never treated as ready).
            </Typography>
          )
        )}
        <ReadinessUnavailableNote error={value?.readinessError} />
        <Typography variant="body2">
          {value?.cells?.length ?? 0} cells in this location.
        </Typography>
      </Stack>
    </InfoCard>
  );
}
