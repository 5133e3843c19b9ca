import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import CenterFocusStrongIcon from '@mui/icons-material/CenterFocusStrong';
import { isInitialView, MAX_ZOOM, MIN_ZOOM, type MapView } from './mapView';

/**
 * Zoom in, zoom out and reset as visible buttons, for pointer and keyboard
 * users who do not know the map's keys, with the zoom read out politely.
 */
export function MapControls(props: {
  view: MapView;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
  hintId: string;
}) {
  const { view, onZoomIn, onZoomOut, onReset, hintId } = props;
  return (
    <Stack
      direction="row"
      spacing={2}
      alignItems="center"
      flexWrap="wrap"
      useFlexGap
      sx={{ px: 2, pt: 1 }}
    >
      <ButtonGroup size="small" variant="outlined" aria-label="Map zoom">
        <Button
          onClick={onZoomIn}
          disabled={view.zoom >= MAX_ZOOM}
          startIcon={<ZoomInIcon />}
        >
          Zoom in
        </Button>
        <Button
          onClick={onZoomOut}
          disabled={view.zoom <= MIN_ZOOM}
          startIcon={<ZoomOutIcon />}
        >
          Zoom out
        </Button>
        <Button
          onClick={onReset}
          disabled={isInitialView(view)}
          startIcon={<CenterFocusStrongIcon />}
        >
          Reset view
        </Button>
      </ButtonGroup>
      <Typography variant="caption" role="status" aria-label="Map zoom level">
        Zoom {Math.round(view.zoom * 10) / 10}×
      </Typography>
      <Typography variant="caption" color="text.secondary" id={hintId}>
        Scroll or press + and − to zoom, drag or use the arrow keys to pan, 0 to
        reset.
      </Typography>
    </Stack>
  );
}
