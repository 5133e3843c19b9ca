import type {
  ComparisonLatency,
  LatencyClass,
  Location,
} from '@region-expansion/plugin-region-expansion-common';
import {
  COUNTRY_CENTRES,
  LATENCY_MODEL_DATE,
  REGION_CITIES,
  type NamedPoint,
} from './latencySnapshot';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Upper distance of each class, km. Light in fibre covers about 100 km per
 * millisecond of round trip, and real routes are longer than the great
 * circle: metro is a few milliseconds, regional about 10-20 ms,
 * continental up to about 60 ms, intercontinental beyond.
 *
 * @public
 */
export const LATENCY_THRESHOLDS_KM = {
  metro: 500,
  regional: 1500,
  continental: 5000,
} as const;

const CLASS_ORDER: LatencyClass[] = [
  'metro',
  'regional',
  'continental',
  'intercontinental',
  'unknown',
];

/**
 * Order of latency classes, best first (`unknown` last), for ranking.
 *
 * @public
 */
export function latencyRank(value: LatencyClass): number {
  return CLASS_ORDER.indexOf(value);
}

/**
 * Great-circle (haversine) distance between two points, km.
 *
 * @public
 */
export function greatCircleKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Class of a distance, by {@link LATENCY_THRESHOLDS_KM}.
 *
 * @public
 */
export function classOfDistance(km: number): LatencyClass {
  if (km <= LATENCY_THRESHOLDS_KM.metro) return 'metro';
  if (km <= LATENCY_THRESHOLDS_KM.regional) return 'regional';
  if (km <= LATENCY_THRESHOLDS_KM.continental) return 'continental';
  return 'intercontinental';
}

/**
 * The city that stands for a location: its own (a Region), else its parent
 * Region's (a Local Zone or Outpost hangs off it), else none.
 *
 * @public
 */
export function locationCity(
  location: Pick<Location, 'id' | 'parentRegion'>,
): NamedPoint | undefined {
  return (
    REGION_CITIES[location.id] ??
    (location.parentRegion ? REGION_CITIES[location.parentRegion] : undefined)
  );
}

const point = ([, lat, lon]: NamedPoint) => ({ lat, lon });

/**
 * Latency class of a location to the tenants' countries: the great-circle
 * distance from the location's city to each country's population centre
 * (its most populous city), classed by {@link LATENCY_THRESHOLDS_KM}; the
 * location's class is its worst country's. `unknown` when the location's
 * city or a country's centre is not in the dated snapshot.
 *
 * @public
 */
export function latencyClass(
  location: Pick<Location, 'id' | 'parentRegion'>,
  countries: readonly string[],
): ComparisonLatency {
  const city = locationCity(location);
  const perCountry = countries.map(country => {
    const centre = COUNTRY_CENTRES[country];
    if (!city || !centre) return { country, class: 'unknown' as const };
    const distanceKm = Math.round(greatCircleKm(point(city), point(centre)));
    return { country, distanceKm, class: classOfDistance(distanceKm) };
  });
  const worst = perCountry.reduce<LatencyClass>(
    (w, c) => (latencyRank(c.class) > latencyRank(w) ? c.class : w),
    'metro',
  );
  const distances = perCountry.flatMap(c =>
    c.distanceKm === undefined ? [] : [c.distanceKm],
  );
  return {
    class: perCountry.length ? worst : 'unknown',
    ...(distances.length && worst !== 'unknown'
      ? { maxDistanceKm: Math.max(...distances) }
      : {}),
    countries: perCountry,
    modelDate: LATENCY_MODEL_DATE,
  };
}

/**
 * Why a latency class is what it is, in one line.
 *
 * @public
 */
export function describeLatency(
  location: Pick<Location, 'id' | 'parentRegion'>,
  latency: ComparisonLatency,
): string {
  const city = locationCity(location);
  if (!city) {
    return `latency unknown: AWS publishes no city for ${location.id} (distance model of ${latency.modelDate})`;
  }
  const missing = latency.countries.filter(c => c.class === 'unknown');
  if (missing.length) {
    return `latency unknown: no population centre for ${missing
      .map(c => c.country)
      .join(', ')} in the distance model of ${latency.modelDate}`;
  }
  const parts = latency.countries.map(
    c => `${c.country} ${c.distanceKm?.toLocaleString('en-US')} km`,
  );
  return `latency ${latency.class}: ${city[0]} to ${parts.join(
    ', ',
  )} (great-circle, model of ${latency.modelDate})`;
}
