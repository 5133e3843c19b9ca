import type { PriceBook } from '../cost/priceBillOfMaterials';

/** Prices of eu-west-1: one priced line and one with a reason. */
export const priceBookFixture = (over: Partial<PriceBook> = {}): PriceBook => ({
  regionCode: 'eu-west-1',
  prices: {
    'storage.s3': {
      serviceCode: 'AmazonS3',
      sku: 'ABC1234',
      unit: 'GB-Mo',
      unitPrice: 0.024,
      effectiveDate: '2026-11-01T00:00:00.000Z',
    },
  },
  noPrice: { 'cloudhsm.hours': 'not offered' },
  source: 'live',
  synthetic: true,
  currency: 'USD',
  ...over,
});
