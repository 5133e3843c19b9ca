import {
  GetProductsCommand,
  paginateGetProducts,
  PricingClient,
} from '@aws-sdk/client-pricing';
import {
  awsAccount,
  eusc,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import { PRICED_PRODUCTS } from './data';

useSimulatorTestServer();

const client = sdkClient(PricingClient, 'us-east-1', awsAccount.id);

const termMatch = (Field: string, Value: string) => ({
  Type: 'TERM_MATCH' as const,
  Field,
  Value,
});

async function productsFor(serviceCode: string, regionCode: string) {
  const entries: string[] = [];
  for await (const page of paginateGetProducts(
    { client, pageSize: 2 },
    {
      ServiceCode: serviceCode,
      Filters: [termMatch('regionCode', regionCode)],
    },
  )) {
    entries.push(...(page.PriceList ?? []).map(String));
  }
  return entries.map(e => JSON.parse(e));
}

describe('Price List (awsJson1_1 GetProducts)', () => {
  it('answers PriceList as JSON strings with an on-demand term, paged with NextToken', async () => {
    const first = await client.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonEC2',
        Filters: [termMatch('regionCode', 'eu-west-1')],
        MaxResults: 2,
      }),
    );
    expect(first.PriceList).toHaveLength(2);
    expect(typeof String(first.PriceList![0])).toBe('string');
    expect(first.NextToken).toEqual(expect.any(String));
    const product = JSON.parse(String(first.PriceList![0]));
    const term = Object.values(product.terms.OnDemand)[0] as any;
    const dimension = Object.values(term.priceDimensions)[0] as any;
    expect(product.product.attributes.regionCode).toBe('eu-west-1');
    expect(Number(dimension.pricePerUnit.USD)).toBeGreaterThan(0);
    expect(term.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const all = await productsFor('AmazonEC2', 'eu-west-1');
    expect(all).toHaveLength(PRICED_PRODUCTS.AmazonEC2.length);
  });

  it.each(Object.keys(PRICED_PRODUCTS))(
    'prices every seeded %s product in a Region of the aws partition, the same on every read',
    async serviceCode => {
      const once = await productsFor(serviceCode, 'eu-central-1');
      const again = await productsFor(serviceCode, 'eu-central-1');
      expect(once).toHaveLength(PRICED_PRODUCTS[serviceCode].length);
      expect(again).toEqual(once);
    },
  );

  it('prices a product differently per Region but deterministically', async () => {
    const filters = (regionCode: string) => [
      termMatch('regionCode', regionCode),
      termMatch('instanceType', 'm7g.large'),
    ];
    const priceIn = async (regionCode: string) => {
      const page = await client.send(
        new GetProductsCommand({
          ServiceCode: 'AmazonEC2',
          Filters: filters(regionCode),
        }),
      );
      expect(page.PriceList).toHaveLength(1);
      const product = JSON.parse(String(page.PriceList![0]));
      const term = Object.values(product.terms.OnDemand)[0] as any;
      return (Object.values(term.priceDimensions)[0] as any).pricePerUnit.USD;
    };
    const prices = new Set([
      await priceIn('us-east-1'),
      await priceIn('eu-west-1'),
    ]);
    expect(prices.size).toBe(2);
    expect(await priceIn('us-east-1')).toBe(await priceIn('us-east-1'));
  });

  it('publishes no product for a Region of the aws-eusc partition', async () => {
    for (const serviceCode of Object.keys(PRICED_PRODUCTS)) {
      expect(await productsFor(serviceCode, eusc.regions[0])).toEqual([]);
    }
  });

  it('answers NotFoundException for a service it does not price', async () => {
    await expect(
      client.send(new GetProductsCommand({ ServiceCode: 'AmazonNoSuch' })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
