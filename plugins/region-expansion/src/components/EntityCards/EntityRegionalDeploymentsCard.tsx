import Stack from '@mui/material/Stack';
import { useMemo } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { combineAsync } from '../../hooks/combineAsync';
import { useLocations } from '../../hooks/useLocations';
import { useReadinessSummaries } from '../../hooks/useReadinessSummaries';
import { regionRouteRef } from '../../routes';
import type {
  Location,
  PlacementReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import { AsyncContent } from '../shared/AsyncContent';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { ReadinessChip } from '../shared/ReadinessChip';
import { readinessLevelOf } from '../shared/readiness';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { deploymentLocationIds } from './conditions';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';

/** One location a component is deployed to, as its row shows it. */
interface Deployment {
  id: string;
  location?: Location;
  level: PlacementReadinessLevel;
}

/**
 * The locations a component is deployed to (from its
 * `region-expansion.io/deployments` annotation) with partition and readiness.
 *
 * @public
 */
export function EntityRegionalDeploymentsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const regionLink = useRouteRef(regionRouteRef);
  const ids = deploymentLocationIds(entity);
  const locations = useLocations();
  const readiness = useReadinessSummaries();
  const columns: DataColumn<Deployment>[] = [
    {
      title: t('deploymentsCard.locationColumn'),
      cell: ({ id, location }) =>
        location ? (
          <Link to={regionLink({ locationId: id })}>
            {location.name} ({id})
          </Link>
        ) : (
          t('deploymentsCard.unknownLocation', { locationId: id })
        ),
    },
    {
      title: t('deploymentsCard.partitionColumn'),
      cell: ({ location }) => location?.partition ?? '?',
    },
    {
      title: t('deploymentsCard.readinessColumn'),
      cell: ({ level }) => (
        <Stack direction="row">
          <ReadinessChip level={level} />
        </Stack>
      ),
    },
  ];
  const data = useMemo(
    () => combineAsync({ locations, readiness }),
    [locations, readiness],
  );

  return (
    <AsyncContent {...data}>
      {value => (
        <InfoCard title={t('deploymentsCard.title')}>
          <DataTable
            label={t('deploymentsCard.title')}
            columns={columns}
            rows={ids.map(id => ({
              id,
              location: value.locations.find(l => l.id === id),
              level: readinessLevelOf(value.readiness.byLocation, id),
            }))}
            rowKey={row => row.id}
          />
          <ReadinessUnavailableNote error={value.readiness.error} />
        </InfoCard>
      )}
    </AsyncContent>
  );
}
