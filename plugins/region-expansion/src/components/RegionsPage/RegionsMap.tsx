import { KeyboardEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ComposableMap, ZoomableGroup } from 'react-simple-maps';
import { geoPath } from 'd3-geo';
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
  readinessColours,
} from '../shared/readiness';
import { REGION_COORDINATES } from './regionCoordinates';
import { partitionShapeName } from './PartitionShape';
import { RegionMarkers } from './RegionMarkers';
import { MapControls } from './MapControls';
import {
  INITIAL_VIEW,
  MAP_HEIGHT,
  MAP_WIDTH,
  MAX_ZOOM,
  MIN_ZOOM,
  projection,
  viewAfterKey,
  zoomIn,
  zoomOut,
  type MapView,
} from './mapView';

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

/**
 * World map with one keyboard-focusable marker per Region: colour is
 * readiness (from the theme), size is tenant count, shape is partition.
 * Enter or click opens the Region page. The map zooms and pans with the
 * mouse wheel and drag, its buttons, and `+`/`-`/arrows/`0` while it or a
 * marker has focus, so close Regions (Europe's) can be told apart.
 */
export function RegionsMap(props: {
  overviews: RegionOverview[];
  partitions: string[];
}) {
  const { overviews, partitions } = props;
  const theme = useTheme();
  const colours = readinessColours(theme.palette);
  const navigate = useNavigate();
  const regionLink = useRouteRef(regionRouteRef);
  const hintId = useId();
  const [view, setView] = useState<MapView>(INITIAL_VIEW);
  const placed = overviews.filter(o => REGION_COORDINATES[o.region.id]);
  const unplaced = overviews.length - placed.length;

  const open = (locationId: string) => navigate(regionLink({ locationId }));
  const onKeyDown = (event: KeyboardEvent) => {
    const next = viewAfterKey(view, event.key);
    if (next) {
      // Arrow keys would otherwise scroll the page too.
      event.preventDefault();
      setView(next);
    }
  };
  const focusRing = {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  };

  return (
    <Box
      sx={{
        '& .rsm-svg:focus-visible': focusRing,
        '& .region-marker:focus-visible': focusRing,
        '& .region-marker .region-marker-focus-ring': { visibility: 'hidden' },
        '& .region-marker:focus-visible .region-marker-focus-ring': {
          visibility: 'visible',
        },
      }}
    >
      <MapControls
        view={view}
        hintId={hintId}
        onZoomIn={() => setView(zoomIn)}
        onZoomOut={() => setView(zoomOut)}
        onReset={() => setView(INITIAL_VIEW)}
      />
      <ComposableMap
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        projection={projection}
        role="group"
        tabIndex={0}
        aria-label="World map of Regions"
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        style={{ width: '100%', height: 'auto', cursor: 'grab' }}
      >
        <ZoomableGroup
          center={view.center}
          zoom={view.zoom}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          translateExtent={[
            [0, 0],
            [MAP_WIDTH, MAP_HEIGHT],
          ]}
          onMoveEnd={({ coordinates, zoom }) => {
            // After a wheel or drag: the buttons and keys go on from here.
            if (coordinates && zoom) setView({ center: coordinates, zoom });
          }}
        >
          {/* A plain path, hidden from screen readers and out of the tab
              order: only the markers are. Its stroke stays thin at any zoom. */}
          <path
            d={worldOutline}
            aria-hidden
            fill={theme.palette.action.hover}
            stroke={theme.palette.divider}
            strokeWidth={0.5}
            vectorEffect="non-scaling-stroke"
          />
          <RegionMarkers placed={placed} onOpen={open} />
        </ZoomableGroup>
      </ComposableMap>
      <Stack
        direction="row"
        spacing={3}
        flexWrap="wrap"
        useFlexGap
        aria-label="Map legend"
        sx={{ px: 2, pb: 1 }}
      >
        {DISPLAYED_READINESS_LEVELS.map(level => (
          <Typography key={level} variant="caption">
            <Box
              component="span"
              data-testid={`legend-${level}`}
              sx={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: '50%',
                bgcolor: colours[level],
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
