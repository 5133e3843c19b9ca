import { REGION_FACTS } from '../locations/regionFacts';
import {
  classOfDistance,
  greatCircleKm,
  latencyClass,
  locationCity,
} from './latencyClass';
import {
  COUNTRY_CENTRES,
  LATENCY_MODEL_DATE,
  REGION_CITIES,
} from './latencySnapshot';

const at = (table: typeof COUNTRY_CENTRES, key: string) => {
  const [, lat, lon] = table[key];
  return { lat, lon };
};

describe('latencyClass', () => {
  // Well-known great-circle distances between city centres (±1.5%): a
  // mistyped coordinate in the snapshot fails here.
  it.each([
    ['GB', 'FR', 344],
    ['US', 'GB', 5570],
    ['DE', 'FR', 878],
    ['JP', 'KR', 1159],
    ['AU', 'NZ', 2156],
    ['BR', 'AR', 1676],
    ['ES', 'PT', 503],
  ])('puts %s and %s %i km apart', (a, b, km) => {
    const d = greatCircleKm(at(COUNTRY_CENTRES, a), at(COUNTRY_CENTRES, b));
    expect(Math.abs(d - km) / km).toBeLessThan(0.015);
  });

  it('places every Region city in its country (within 4,500 km of the country centre, the width of the US)', () => {
    for (const [region, [city]] of Object.entries(REGION_CITIES)) {
      const country = REGION_FACTS[region].country;
      const d = greatCircleKm(
        at(REGION_CITIES, region),
        at(COUNTRY_CENTRES, country),
      );
      expect([region, city, d < 4500]).toEqual([region, city, true]);
    }
  });

  it.each([
    [0, 'metro'],
    [500, 'metro'],
    [501, 'regional'],
    [1500, 'regional'],
    [1501, 'continental'],
    [5000, 'continental'],
    [5001, 'intercontinental'],
  ])('classes %i km as %s', (km, expected) => {
    expect(classOfDistance(km)).toBe(expected);
  });

  it('takes the worst country as the location’s class and dates the model', () => {
    const result = latencyClass({ id: 'eu-central-1' }, ['DE', 'US']);
    expect(result.class).toBe('intercontinental');
    expect(result.countries.map(c => c.class)).toEqual([
      'metro',
      'intercontinental',
    ]);
    expect(result.maxDistanceKm).toBeGreaterThan(6000);
    expect(result.modelDate).toBe(LATENCY_MODEL_DATE);
  });

  it('uses the parent Region’s city for a Local Zone or Outpost', () => {
    expect(
      locationCity({ id: 'us-east-1-bos-1', parentRegion: 'us-east-1' }),
    ).toEqual(REGION_CITIES['us-east-1']);
    expect(
      latencyClass({ id: 'op-1', parentRegion: 'eu-west-1' }, ['IE']).class,
    ).toBe('metro');
  });

  it('answers unknown, never a guess, for a Region without a public city or a country outside the model', () => {
    expect(latencyClass({ id: 'us-gov-west-1' }, ['US']).class).toBe('unknown');
    const result = latencyClass({ id: 'eu-west-1' }, ['IE', 'AQ']);
    expect(result.class).toBe('unknown');
    expect(result.maxDistanceKm).toBeUndefined();
  });
});
