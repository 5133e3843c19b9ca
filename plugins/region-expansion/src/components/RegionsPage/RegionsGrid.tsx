import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  GEOGRAPHIES,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { regionRouteRef } from '../../routes';
import { partitionName, type RegionOverview } from '../shared/regionOverview';
import { ReadinessChip } from '../shared/ReadinessChip';

function RegionCard(props: { overview: RegionOverview }) {
  const { overview } = props;
  const regionLink = useRouteRef(regionRouteRef);
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h4">
          <Link to={regionLink({ locationId: overview.region.id })}>
            {overview.region.name}
          </Link>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {overview.region.id} · {overview.region.country}
        </Typography>
        <Stack
          useFlexGap
          direction="row"
          spacing={1}
          sx={{ my: 1 }}
          alignItems="center"
        >
          <ReadinessChip level={overview.readiness} />
          <Typography variant="body2">
            {overview.cellCount} cells · {overview.tenantCount} tenants
          </Typography>
        </Stack>
        {overview.attached.length > 0 && (
          <Box
            component="ul"
            sx={{ pl: 2, m: 0 }}
            aria-label={`Local Zones and Outposts of ${overview.region.id}`}
          >
            {overview.attached.map(location => (
              <li key={location.id}>
                <Typography variant="body2">
                  <Link to={regionLink({ locationId: location.id })}>
                    {location.name}
                  </Link>{' '}
                  ({location.kind === 'local-zone' ? 'Local Zone' : 'Outpost'})
                </Typography>
              </li>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** The map's data as a grid, grouped by partition, then geography. */
export function RegionsGrid(props: {
  overviews: RegionOverview[];
  partitions: Partition[];
}) {
  const { overviews, partitions } = props;
  const partitionIds = [
    ...new Set(overviews.map(o => o.region.partition)),
  ].sort();
  return (
    <Stack useFlexGap spacing={3}>
      {partitionIds.map(partitionId => (
        <section key={partitionId} aria-label={`Partition ${partitionId}`}>
          <Typography variant="h5" component="h2" gutterBottom>
            {partitionName(partitions, partitionId)} ({partitionId})
          </Typography>
          {GEOGRAPHIES.map(geography => {
            const inGeography = overviews.filter(
              o =>
                o.region.partition === partitionId &&
                o.region.geography === geography,
            );
            if (inGeography.length === 0) return null;
            return (
              <Box key={geography} sx={{ mb: 2 }}>
                <Typography variant="h6" component="h3" gutterBottom>
                  {geography}
                </Typography>
                <Grid container spacing={2}>
                  {inGeography.map(overview => (
                    <Grid
                      item
                      xs={12}
                      sm={6}
                      md={4}
                      lg={3}
                      key={overview.region.id}
                    >
                      <RegionCard overview={overview} />
                    </Grid>
                  ))}
                </Grid>
              </Box>
            );
          })}
        </section>
      ))}
    </Stack>
  );
}
