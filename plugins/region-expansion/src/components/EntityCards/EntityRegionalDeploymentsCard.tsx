import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useMemo } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { combineAsync } from '../../hooks/combineAsync';
import { useLocations } from '../../hooks/useLocations';
import { useReadinessSummaries } from '../../hooks/useReadinessSummaries';
import { regionRouteRef } from '../../routes';
import { AsyncContent } from '../shared/AsyncContent';
import { ReadinessChip } from '../shared/ReadinessChip';
import { readinessLevelOf } from '../shared/readiness';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { deploymentLocationIds } from './conditions';

/**
 * The locations a component is deployed to (from its
 * `region-expansion.io/deployments` annotation) with partition and readiness.
 *
 * @public
 */
export function EntityRegionalDeploymentsCard() {
  const { entity } = useEntity();
  const regionLink = useRouteRef(regionRouteRef);
  const ids = deploymentLocationIds(entity);
  const locations = useLocations();
  const readiness = useReadinessSummaries();
  const data = useMemo(
    () => combineAsync({ locations, readiness }),
    [locations, readiness],
  );

  return (
    <AsyncContent {...data}>
      {value => (
        <InfoCard title="Regional deployments">
          <Table size="small" aria-label="Regional deployments">
            <TableHead>
              <TableRow>
                <TableCell>Location</TableCell>
                <TableCell>Partition</TableCell>
                <TableCell>Readiness</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ids.map(id => {
                const location = value.locations.find(l => l.id === id);
                return (
                  <TableRow key={id}>
                    <TableCell>
                      {location ? (
                        <Link to={regionLink({ locationId: id })}>
                          {location.name} ({id})
                        </Link>
                      ) : (
                        `${id} (not known to the region-expansion backend)`
                      )}
                    </TableCell>
                    <TableCell>{location?.partition ?? '?'}</TableCell>
                    <TableCell>
                      <Stack direction="row">
                        <ReadinessChip
                          level={readinessLevelOf(
                            value.readiness.byLocation,
                            id,
                          )}
                        />
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <ReadinessUnavailableNote error={value.readiness.error} />
        </InfoCard>
      )}
    </AsyncContent>
  );
}
