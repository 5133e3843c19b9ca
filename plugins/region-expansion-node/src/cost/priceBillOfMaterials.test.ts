import { priceRegionOf } from './priceBillOfMaterials';

describe('priceRegionOf', () => {
  it('prices a Region with its own prices and a Local Zone or Outpost with its parent Region', () => {
    expect(priceRegionOf({ id: 'eu-west-1', kind: 'region' })).toBe(
      'eu-west-1',
    );
    expect(
      priceRegionOf({
        id: 'us-west-2-lax-1a',
        kind: 'local-zone',
        parentRegion: 'us-west-2',
      }),
    ).toBe('us-west-2');
  });

  it('refuses a location without a parent Region, naming the field', () => {
    expect(() => priceRegionOf({ id: 'op-1', kind: 'outpost' })).toThrow(
      'locationId: op-1 (outpost) has no parent Region to price it in',
    );
  });
});
