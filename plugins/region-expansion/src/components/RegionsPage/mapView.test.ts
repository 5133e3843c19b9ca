import { REGION_COORDINATES } from './regionCoordinates';
import { markerSize } from './RegionMarkers';
import {
  INITIAL_VIEW,
  isInitialView,
  MAX_ZOOM,
  panBy,
  projection,
  viewAfterKey,
} from './mapView';

/** The largest marker's reach from its centre on screen (a diamond's tip). */
const LARGEST_REACH = markerSize(Number.MAX_SAFE_INTEGER) * 1.3;

/** The closest two Regions' distance on screen at `zoom`, and their ids. */
function closestPair(ids: string[], zoom: number) {
  let closest = { distance: Infinity, pair: ['', ''] };
  ids.forEach((a, i) =>
    ids.slice(i + 1).forEach(b => {
      const [ax, ay] = projection(REGION_COORDINATES[a])!;
      const [bx, by] = projection(REGION_COORDINATES[b])!;
      const distance = Math.hypot(ax - bx, ay - by) * zoom;
      if (distance < closest.distance) closest = { distance, pair: [a, b] };
    }),
  );
  return closest;
}

describe('map view', () => {
  it("draws Europe's Regions apart at 8×, and every pair of Regions apart at the largest zoom, even at the largest marker", () => {
    const all = Object.keys(REGION_COORDINATES);
    const europe = all.filter(id => /^(eu|eusc)-/.test(id));
    expect(europe).toHaveLength(9);
    // At 1× they overlap: that is why the map zooms.
    expect(closestPair(europe, 1).distance).toBeLessThan(2 * LARGEST_REACH);
    expect(closestPair(europe, 8).distance).toBeGreaterThan(2 * LARGEST_REACH);
    expect(closestPair(all, MAX_ZOOM).distance).toBeGreaterThan(
      2 * LARGEST_REACH,
    );
  });

  it('zooms within its bounds and leaves other keys to the page', () => {
    let view = INITIAL_VIEW;
    for (let i = 0; i < 10; i++) view = viewAfterKey(view, '+')!;
    expect(view.zoom).toBe(MAX_ZOOM);
    for (let i = 0; i < 10; i++) view = viewAfterKey(view, '-')!;
    expect(view.zoom).toBe(1);
    expect(viewAfterKey(view, 'Tab')).toBeUndefined();
    expect(viewAfterKey(view, 'Enter')).toBeUndefined();
    expect(isInitialView(viewAfterKey(panBy(view, 50, 0), '0')!)).toBe(true);
  });

  it('pans by screen pixels: a step covers less of the world when zoomed in, and stays on the map', () => {
    const east = (zoom: number) =>
      viewAfterKey({ ...INITIAL_VIEW, zoom }, 'ArrowRight')!.center[0];
    expect(east(1)).toBeGreaterThan(0);
    expect(east(4)).toBeCloseTo(east(1) / 4, 0);
    let view = INITIAL_VIEW;
    for (let i = 0; i < 50; i++) view = viewAfterKey(view, 'ArrowUp')!;
    // At the top edge: one more step moves no further.
    expect(projection(view.center)![1]).toBeLessThan(5);
    expect(viewAfterKey(view, 'ArrowUp')!.center).toEqual(view.center);
  });
});
