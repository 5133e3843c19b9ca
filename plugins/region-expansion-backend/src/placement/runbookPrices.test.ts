import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createEstateServices,
  seededEstateStores,
} from '../__testUtils__/estate';
import { tenantFixture } from '../__testUtils__/fixtures';
import { useSimulatedPrices } from '../__testUtils__/simulatedPrices';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const prices = useSimulatedPrices();

/**
 * A runbook's data-transfer cost from the Price List, read through the real
 * SDK against the simulator: each copy is priced at its source Region's
 * rate and the total is their sum, never a silent 0.
 */
describe('PlacementService.planRunbook with prices', () => {
  it('prices each copy at the source Region rate read from the Price List', async () => {
    const stores = await seededEstateStores(databases, 'SQLITE_3');
    await stores.tenants.addTenant(tenantFixture(), {
      actor: 'user:default/ops',
      reason: 'new',
    });
    await stores.placements.recordPlacement(
      {
        tenantId: 'acme',
        cellId: 'cell-dub-1',
        reason: 'seed',
        strategy: 'manual',
        kind: 'placed',
      },
      { actor: 'user:default/ops', expectedFromCellId: undefined },
    );
    const { placement } = createEstateServices(stores);
    const cost = await prices.create();
    const asked: string[][] = [];
    const runbook = await placement.planRunbook(
      {
        kind: 'tenants',
        tenantIds: ['acme'],
        target: { locationId: 'eu-central-1' },
      },
      {
        priceBooks: regions => {
          asked.push(regions);
          return Promise.all(regions.map(r => cost.priceBook(r)));
        },
      },
    );
    expect(asked).toEqual([['eu-west-1']]);
    const book = await cost.priceBook('eu-west-1');
    const rate = book.prices['data-transfer.out'].unitPrice;
    const copies = runbook.steps.filter(s => s.kind === 'data-copy');
    expect(copies.length).toBeGreaterThan(0);
    const gb = (10 * 10) / copies.length;
    for (const copy of copies) {
      expect(copy.estimatedCost).toEqual({
        amount: Math.round(gb * rate * 100) / 100,
        currency: book.currency,
      });
    }
    expect(runbook.totals.noPrice).toBeUndefined();
    expect(runbook.totals.estimatedCost?.amount).toBeGreaterThan(0);
  });
});
