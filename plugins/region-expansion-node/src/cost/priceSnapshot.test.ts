import { parsePriceSnapshot } from './priceSnapshot';
import { priceBookFixture } from '../__testUtils__/priceBookFixture';

describe('parsePriceSnapshot', () => {
  const valid = {
    formatVersion: 1,
    generatedAt: '2026-12-06T15:00:00.000Z',
    endpoint: 'aws',
    synthetic: false,
    currency: 'USD',
    prices: {
      'eu-west-1': { 'storage.s3': priceBookFixture().prices['storage.s3'] },
    },
    noPrice: {},
  };

  it('reads a valid snapshot', () => {
    expect(parsePriceSnapshot(JSON.stringify(valid), 'p.json')).toEqual(valid);
  });

  it.each([
    ['not JSON', '{', /^p\.json: is not JSON/],
    [
      'a negative price',
      JSON.stringify({
        ...valid,
        prices: {
          'eu-west-1': {
            'storage.s3': {
              ...priceBookFixture().prices['storage.s3'],
              unitPrice: -1,
            },
          },
        },
      }),
      /^p\.json\.prices\.eu-west-1\.storage\.s3\.unitPrice: must not be negative$/,
    ],
    [
      'a missing date',
      JSON.stringify({ ...valid, generatedAt: undefined }),
      /^p\.json\.generatedAt: /,
    ],
  ])('rejects %s naming the field', (_, text, message) => {
    expect(() => parsePriceSnapshot(text, 'p.json')).toThrow(message);
  });
});
