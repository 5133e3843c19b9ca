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
import {
  READINESS_UNAVAILABLE_NOTE,
  READINESS_WITHOUT_EVALUATION,
} from '../shared/readiness';
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
    if (cellId) return { cell: await api.getCell(cellId) };
    const [locations, cells] = await Promise.all([
      api.listLocations(),
      api.listCells({ locationId }),
    ]);
    return { location: locations.find(l => l.id === locationId), cells };
  }, [api, cellId, locationId]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value?.cell) return <CellCapacityCard cell={value.cell} />;
  return (
    <InfoCard title="Region readiness">
      <Stack spacing={1}>
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
        <ReadinessChip level={READINESS_WITHOUT_EVALUATION} />
        <Typography variant="body2" color="text.secondary">
          {READINESS_UNAVAILABLE_NOTE}
        </Typography>
        <Typography variant="body2">
          {value?.cells?.length ?? 0} cells in this location.
        </Typography>
      </Stack>
    </InfoCard>
  );
}
