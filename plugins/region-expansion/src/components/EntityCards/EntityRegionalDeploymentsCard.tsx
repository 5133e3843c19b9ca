import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
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
import { indexReadiness, readinessLevelOf } from '../shared/readiness';
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
  const api = useApi(regionExpansionApiRef);
  const regionLink = useRouteRef(regionRouteRef);
  const ids = deploymentLocationIds(entity);
  const { loading, error, value } = useAsync(async () => {
    const [locations, readiness] = await Promise.all([
      api.listLocations().then(r => r.items),
      api.listReadiness().then(
        ({ items }) => ({
          levels: indexReadiness(items),
          readinessError: undefined as Error | undefined,
        }),
        (readinessError: Error) => ({
          levels: indexReadiness([]),
          readinessError,
        }),
      ),
    ]);
    return { locations, ...readiness };
  }, [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
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
            const location = value?.locations.find(l => l.id === id);
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
                      level={readinessLevelOf(value?.levels ?? new Map(), id)}
                    />
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ReadinessUnavailableNote error={value?.readinessError} />
    </InfoCard>
  );
}
