import { NotFoundError } from '@backstage/errors';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { campaignCostEstimator } from './campaignCostEstimate';

const catalog = LocationCatalog.fromSnapshot();
const footprint = {
  services: [{ code: 's3', sources: ['iac' as const], actions: [] }],
  crossRegion: [],
  unknown: [],
};
const estimator = (
  estimate: (...args: any[]) => Promise<any>,
  stored: () => Promise<typeof footprint> = async () => footprint,
) =>
  campaignCostEstimator({
    catalog: async () => catalog,
    footprint: stored,
    prices: { estimate },
  });

describe('campaignCostEstimator', () => {
  it('copies the monthly cost per tenant of a default cell in the Region', async () => {
    const estimate = jest.fn(async () => ({
      regionCode: 'eu-west-1',
      currency: 'USD',
      monthlyPerTenant: 41.5,
      unpriced: [],
    }));
    await expect(estimator(estimate)('eu-west-1')).resolves.toEqual({
      monthlyPerTenant: 41.5,
      currency: 'USD',
    });
    expect(estimate).toHaveBeenCalledWith(
      'eu-west-1',
      expect.objectContaining({ footprint }),
    );
  });

  it.each([
    [
      'lines without a price',
      async () => ({
        regionCode: 'eu-west-1',
        currency: 'USD',
        unpriced: ['kms.requests'],
      }),
      async () => footprint,
      'No price in eu-west-1 for kms.requests.',
    ],
    [
      'no stored footprint',
      async () => ({}),
      async () => {
        throw new NotFoundError('no footprint');
      },
      'No application-plane footprint is stored to price a cell from.',
    ],
    [
      'a price source that fails',
      async () => {
        throw new Error('ThrottlingException: Rate exceeded for account 1');
      },
      async () => footprint,
      'Prices of eu-west-1 could not be read now.',
    ],
  ])('says why there is no figure for %s', async (_, estimate, stored, why) => {
    await expect(estimator(estimate, stored)('eu-west-1')).resolves.toEqual({
      unpricedReason: why,
    });
  });
});
