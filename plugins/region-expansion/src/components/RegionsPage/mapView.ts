import { geoEqualEarth } from 'd3-geo';

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 440;

/** The map's projection, shared by the country outlines and the markers. */
export const projection = geoEqualEarth()
  .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2])
  .scale(165);

/**
 * Zoom bounds. At 16× the two closest Regions (Columbus and GovCloud
 * US-East, 3 px apart at 1×) are drawn apart even at the largest marker,
 * and Europe's Regions already are at 8×.
 */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 16;
/** One zoom step (button, `+`/`-`) doubles or halves the zoom. */
const ZOOM_FACTOR = 2;
/** One arrow key press moves the map by this many screen pixels. */
const PAN_STEP = 80;

/** What the map shows: the point at its centre and the zoom factor. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

export const INITIAL_VIEW: MapView = {
  center: projection.invert!([MAP_WIDTH / 2, MAP_HEIGHT / 2]) as [
    number,
    number,
  ],
  zoom: MIN_ZOOM,
};

const clamp = (value: number, min: number, max: number) =>
  Math.min(Math.max(value, min), max);

/** The view zoomed in (`factor` > 1) or out, around its centre. */
export function zoomBy(view: MapView, factor: number): MapView {
  return {
    center: view.center,
    zoom: clamp(view.zoom * factor, MIN_ZOOM, MAX_ZOOM),
  };
}

/**
 * The view moved by `dx`, `dy` screen pixels (at the current zoom); its
 * centre stays on the map.
 */
export function panBy(view: MapView, dx: number, dy: number): MapView {
  const [x, y] = projection(view.center) ?? [MAP_WIDTH / 2, MAP_HEIGHT / 2];
  const next = projection.invert!([
    clamp(x + dx / view.zoom, 0, MAP_WIDTH),
    clamp(y + dy / view.zoom, 0, MAP_HEIGHT),
  ]);
  return next ? { ...view, center: next as [number, number] } : view;
}

/** One zoom step in, for the button and `+`. */
export const zoomIn = (view: MapView) => zoomBy(view, ZOOM_FACTOR);
/** One zoom step out, for the button and `-`. */
export const zoomOut = (view: MapView) => zoomBy(view, 1 / ZOOM_FACTOR);

/**
 * The view after a key press on the focused map (`+`/`-` zoom, arrows pan,
 * `0` resets), or `undefined` for keys the map leaves alone.
 */
export function viewAfterKey(view: MapView, key: string): MapView | undefined {
  switch (key) {
    case '+':
    case '=':
      return zoomIn(view);
    case '-':
    case '_':
      return zoomOut(view);
    case 'ArrowLeft':
      return panBy(view, -PAN_STEP, 0);
    case 'ArrowRight':
      return panBy(view, PAN_STEP, 0);
    case 'ArrowUp':
      return panBy(view, 0, -PAN_STEP);
    case 'ArrowDown':
      return panBy(view, 0, PAN_STEP);
    case '0':
      return INITIAL_VIEW;
    default:
      return undefined;
  }
}

/** Whether the view is (within rounding) the whole world at 1×. */
export function isInitialView(view: MapView): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  return (
    near(view.zoom, INITIAL_VIEW.zoom) &&
    near(view.center[0], INITIAL_VIEW.center[0]) &&
    near(view.center[1], INITIAL_VIEW.center[1])
  );
}
