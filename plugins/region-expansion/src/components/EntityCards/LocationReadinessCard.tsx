import { useMemo } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { combineAsync } from '../../hooks/combineAsync';
import { useCells } from '../../hooks/useCells';
import { useLocations } from '../../hooks/useLocations';
import { useReadinessSummaries } from '../../hooks/useReadinessSummaries';
import { regionRouteRef } from '../../routes';
import { AsyncContent } from '../shared/AsyncContent';
import { ReadinessChip } from '../shared/ReadinessChip';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { LOCATION_ANNOTATION } from './conditions';

/**
 * A Region, Local Zone or Outpost with its latest readiness (level,
 * blockers, open checks) and how many cells it holds.
 */
export function LocationReadinessCard(props: { locationId: string }) {
  const { locationId } = props;
  const regionLink = useRouteRef(regionRouteRef);
  const locations = useLocations();
  const cells = useCells({ locationId });
  const readiness = useReadinessSummaries();
  const data = useMemo(
    () => combineAsync({ locations, cells, readiness }),
    [locations, cells, readiness],
  );

  return (
    <AsyncContent {...data}>
      {value => {
        const location = value.locations.find(l => l.id === locationId);
        const summary = value.readiness.byLocation.get(locationId);
        return (
          <InfoCard title="Region readiness">
            <Stack useFlexGap spacing={1}>
              {location ? (
                <Link to={regionLink({ locationId: location.id })}>
                  {location.name} ({location.id})
                </Link>
              ) : (
                <Typography>
                  Location {locationId} is not known to the region-expansion
                  backend; check the {LOCATION_ANNOTATION} annotation.
                </Typography>
              )}
              <ReadinessChip level={summary?.level ?? 'unknown'} />
              {summary ? (
                <Typography variant="body2" color="text.secondary">
                  Evaluated {new Date(summary.evaluatedAt).toLocaleString()}:{' '}
                  {summary.blockers.length} blockers,{' '}
                  {summary.openChecks.length} open checks
                  {summary.blockers.length > 0 &&
                    ` (${summary.blockers.map(b => b.detail).join('; ')})`}
                </Typography>
              ) : (
                !value.readiness.error && (
                  <Typography variant="body2" color="text.secondary">
                    This location has no readiness evaluation yet, so its level
                    is unknown (never treated as ready).
                  </Typography>
                )
              )}
              <ReadinessUnavailableNote error={value.readiness.error} />
              <Typography variant="body2">
                {value.cells.length} cells in this location.
              </Typography>
            </Stack>
          </InfoCard>
        );
      }}
    </AsyncContent>
  );
}
