import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  GEOGRAPHIES,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { regionRouteRef } from '../../routes';
import { partitionName, type RegionOverview } from '../shared/regionOverview';
import { ReadinessChip } from '../shared/ReadinessChip';

/**
 * The cards of one geography: a list laid out by one CSS grid. Styled once
 * for the whole list rather than per card, because a page may show every
 * Region at once and per-card MUI Grid items, Cards and `sx` props cost more
 * to render than the data they show.
 */
const RegionCardList = styled('ul')(({ theme }) => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: theme.spacing(2),
  gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
  '& > li': {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
    padding: theme.spacing(2),
  },
  '& h4': { ...theme.typography.subtitle1, margin: 0 },
  '& .region-card-meta': {
    ...theme.typography.body2,
    color: theme.palette.text.secondary,
    margin: 0,
  },
  '& .region-card-figures': {
    ...theme.typography.body2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
  },
  '& .region-card-attached': {
    ...theme.typography.body2,
    margin: 0,
    paddingLeft: theme.spacing(2),
  },
}));

function RegionCard(props: { overview: RegionOverview }) {
  const { overview } = props;
  const regionLink = useRouteRef(regionRouteRef);
  return (
    <li>
      <h4>
        <Link to={regionLink({ locationId: overview.region.id })}>
          {overview.region.name}
        </Link>
      </h4>
      <p className="region-card-meta">
        {overview.region.id} · {overview.region.country}
      </p>
      <div className="region-card-figures">
        <ReadinessChip level={overview.readiness} />
        <span>
          {overview.cellCount} cells · {overview.tenantCount} tenants
        </span>
      </div>
      {overview.attached.length > 0 && (
        <ul
          className="region-card-attached"
          aria-label={`Local Zones and Outposts of ${overview.region.id}`}
        >
          {overview.attached.map(location => (
            <li key={location.id}>
              <Link to={regionLink({ locationId: location.id })}>
                {location.name}
              </Link>{' '}
              ({location.kind === 'local-zone' ? 'Local Zone' : 'Outpost'})
            </li>
          ))}
        </ul>
      )}
    </li>
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
                <RegionCardList aria-label={`Regions in ${geography}`}>
                  {inGeography.map(overview => (
                    <RegionCard key={overview.region.id} overview={overview} />
                  ))}
                </RegionCardList>
              </Box>
            );
          })}
        </section>
      ))}
    </Stack>
  );
}
