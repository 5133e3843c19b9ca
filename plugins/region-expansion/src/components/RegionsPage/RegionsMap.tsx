import { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ComposableMap, Marker } from 'react-simple-maps';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-110m.json';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useRouteRef } from '@backstage/core-plugin-api';
import { regionRouteRef } from '../../routes';
import type { RegionOverview } from '../shared/regionOverview';
import {
  DISPLAYED_READINESS_LEVELS,
  READINESS_COLOURS,
} from '../shared/readiness';
import { REGION_COORDINATES } from './regionCoordinates';
import { PartitionShape, partitionShapeName } from './PartitionShape';

const MAP_WIDTH = 900;
const MAP_HEIGHT = 440;

/** The map's projection, shared by the country outlines and the markers. */
const projection = geoEqualEarth()
  .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2])
  .scale(165);

/**
 * Natural Earth country outlines as one SVG path, computed once when the
 * map's chunk loads (in parallel with the page's data). react-simple-maps'
 * `Geographies` converts the topology in an effect on every mount and
 * renders twice, right when the page has just received its data; one path
 * instead of ~180 also keeps them out of React's work on every render.
 */
const worldOutline: string = (() => {
  const topology = countriesTopology as unknown as Topology<{
    countries: GeometryCollection;
  }>;
  const toPath = geoPath(projection);
  return feature(topology, topology.objects.countries)
    .features.map(country => toPath(country))
    .filter((d): d is string => Boolean(d))
    .join('');
})();

/** Marker radius: grows with the square root of tenants so big Regions do not swamp the map. */
export function markerSize(tenantCount: number): number {
  return Math.min(4 + 1.5 * Math.sqrt(tenantCount), 16);
}

/** What a screen reader hears for a marker: the Region and all its figures. */
export function markerLabel(overview: RegionOverview): string {
  const attached = overview.attached.length
    ? `, ${overview.attached.length} Local Zones or Outposts`
    : '';
  return `${overview.region.name} (${overview.region.id}), partition ${overview.region.partition}: readiness ${overview.readiness}, ${overview.cellCount} cells, ${overview.tenantCount} tenants${attached}`;
}

/**
 * World map with one keyboard-focusable marker per Region: colour is
 * readiness, size is tenant count, shape is partition. Enter or click opens
 * the Region page.
 */
export function RegionsMap(props: {
  overviews: RegionOverview[];
  partitions: string[];
}) {
  const { overviews, partitions } = props;
  const theme = useTheme();
  const navigate = useNavigate();
  const regionLink = useRouteRef(regionRouteRef);
  const placed = overviews.filter(o => REGION_COORDINATES[o.region.id]);
  const unplaced = overviews.length - placed.length;

  const open = (locationId: string) => navigate(regionLink({ locationId }));
  const onKeyDown = (event: KeyboardEvent, locationId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(locationId);
    }
  };

  return (
    <Box>
      <ComposableMap
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        projection={projection}
        role="group"
        aria-label="World map of Regions"
        style={{ width: '100%', height: 'auto' }}
      >
        {/* A plain path, hidden from screen readers and out of the tab
            order: only the markers are. */}
        <path
          d={worldOutline}
          aria-hidden
          fill={theme.palette.action.hover}
          stroke={theme.palette.divider}
          strokeWidth={0.5}
        />
        {placed.map(overview => (
          <Marker
            key={overview.region.id}
            coordinates={REGION_COORDINATES[overview.region.id]}
            role="link"
            tabIndex={0}
            aria-label={markerLabel(overview)}
            onClick={() => open(overview.region.id)}
            onKeyDown={(event: KeyboardEvent) =>
              onKeyDown(event, overview.region.id)
            }
            style={{ cursor: 'pointer', outline: 'none' }}
            className="region-marker"
          >
            <title>{markerLabel(overview)}</title>
            <PartitionShape
              partition={overview.region.partition}
              size={markerSize(overview.tenantCount)}
              fill={READINESS_COLOURS[overview.readiness]}
            />
          </Marker>
        ))}
      </ComposableMap>
      <Stack
        direction="row"
        spacing={3}
        flexWrap="wrap"
        useFlexGap
        aria-label="Map legend"
      >
        {DISPLAYED_READINESS_LEVELS.map(level => (
          <Typography key={level} variant="caption">
            <Box
              component="span"
              sx={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: '50%',
                bgcolor: READINESS_COLOURS[level],
                mr: 0.5,
              }}
            />
            {level}
          </Typography>
        ))}
        {partitions.map(partition => (
          <Typography key={partition} variant="caption">
            {partition}: {partitionShapeName(partition)}
          </Typography>
        ))}
        <Typography variant="caption">size: tenants</Typography>
        {unplaced > 0 && (
          <Typography variant="caption">
            {unplaced} Regions without published coordinates are listed below
            only.
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
