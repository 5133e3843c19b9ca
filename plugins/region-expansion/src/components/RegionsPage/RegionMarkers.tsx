import { KeyboardEvent } from 'react';
import { Marker, useZoomPanContext } from 'react-simple-maps';
import { useTheme } from '@mui/material/styles';
import type { RegionOverview } from '../shared/regionOverview';
import { readinessColours } from '../shared/readiness';
import { REGION_COORDINATES } from './regionCoordinates';
import { PartitionShape } from './PartitionShape';

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
 * One keyboard-focusable marker per placed Region, inside the map's zoom
 * group: drawn at the same size on screen whatever the zoom, so zooming in
 * moves markers apart instead of growing them. Enter, Space or a click
 * opens the Region.
 */
export function RegionMarkers(props: {
  placed: RegionOverview[];
  onOpen: (locationId: string) => void;
}) {
  const { placed, onOpen } = props;
  const { palette } = useTheme();
  const { k: zoom } = useZoomPanContext();
  const colours = readinessColours(palette);
  const onKeyDown = (event: KeyboardEvent, locationId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(locationId);
    }
  };
  return (
    <>
      {placed.map(overview => {
        const size = markerSize(overview.tenantCount) / zoom;
        return (
          <Marker
            key={overview.region.id}
            coordinates={REGION_COORDINATES[overview.region.id]}
            role="link"
            tabIndex={0}
            aria-label={markerLabel(overview)}
            onClick={() => onOpen(overview.region.id)}
            onKeyDown={(event: KeyboardEvent) =>
              onKeyDown(event, overview.region.id)
            }
            style={{ cursor: 'pointer' }}
            className="region-marker"
          >
            <title>{markerLabel(overview)}</title>
            {/* Shown only while the marker has keyboard focus (see the
                map's styles): SVG groups get no reliable outline. */}
            <circle
              className="region-marker-focus-ring"
              r={size * 1.3 + 4 / zoom}
              fill="none"
              stroke={palette.primary.main}
              strokeWidth={3 / zoom}
            />
            <PartitionShape
              partition={overview.region.partition}
              size={size}
              fill={colours[overview.readiness]}
              stroke={palette.text.primary}
              strokeWidth={1.5 / zoom}
            />
          </Marker>
        );
      })}
    </>
  );
}
