import { WHAT_IF_LIMITS } from '@region-expansion/plugin-region-expansion-common';
import { readinessFromMap } from './readiness';
import { cell, engine, spec } from './testFixtures';

describe('PlacementEngine.whatIf', () => {
  it('places profiles on a copy, counts new cells per location and plans quotas', () => {
    const existing = cell(
      { id: 'existing', locationId: 'eu-west-1' },
      { tenants: 8, loadUnits: 80 },
    );
    const e = engine([existing], readinessFromMap({ 'eu-west-1': 'ready' }));
    const result = e.whatIf(
      [
        {
          count: 12,
          tier: 'pool',
          residency: { countries: ['IE'] },
          classification: 'internal',
          loadUnits: 10,
        },
        {
          count: 2,
          tier: 'silo',
          residency: { partition: 'aws-eusc' },
          classification: 'restricted',
          loadUnits: 10,
        },
        {
          count: 1,
          tier: 'pool',
          residency: { countries: ['DE'], partition: 'aws-eusc' },
          classification: 'internal',
          loadUnits: 1000,
        },
      ],
      spec,
    );
    expect(result).toMatchObject({
      requested: 15,
      placedInExistingCells: 2,
      placedInNewCells: 10,
      cellsToCreate: [
        { locationId: 'eu-west-1', isolation: 'pooled', count: 1 },
      ],
    });
    // Restricted silo tenants need a ready location; eusc readiness is unknown.
    expect(result.unplaceable.count).toBe(3);
    expect(result.unplaceable.reasons.join(' ')).toMatch(
      /refused by readiness/,
    );
    expect(result.unplaceable.reasons.join(' ')).toMatch(/more than one cell/);
    expect(result.quotaRequests).toEqual([
      expect.objectContaining({
        serviceCode: 'dynamodb',
        cellCount: 1,
        total: 50,
      }),
      expect.objectContaining({
        serviceCode: 'lambda',
        cellCount: 1,
        total: 1000,
      }),
    ]);
    // The engine itself is unchanged.
    expect(e.cell('existing')?.usage.tenants).toBe(8);
    expect(e.cells()).toHaveLength(1);
  });
});

describe('PlacementEngine.whatIf work', () => {
  const count = WHAT_IF_LIMITS.tenants;
  const run = (
    strategy: 'pack' | 'spread',
    quotaPerCell: number,
    quotaPerTenant: number,
  ) => {
    const e = engine([]);
    const result = e.whatIf(
      [
        {
          count,
          tier: 'pool',
          residency: { countries: ['IE'] },
          classification: 'internal',
          loadUnits: 1,
          quotaUsage: { queues: quotaPerTenant },
        },
      ],
      {
        ...spec,
        capacity: {
          tenants: 80,
          loadUnits: 600,
          quotas: { queues: quotaPerCell },
        },
      },
      { strategy },
    );
    expect(result).toMatchObject({
      requested: count,
      placedInNewCells: count,
      cellsToCreate: [{ locationId: 'eu-west-1', isolation: 'pooled', count }],
    });
    return e.searchWork();
  };

  // The request that froze the backend: every tenant uses a quota of 1 and
  // a cell's quota is 1, so each tenant needs a new cell that is exhausted
  // after one tenant. Scanning past such cells made every decision look at
  // every earlier cell: count² cells for the request.
  it.each(['pack', 'spread'] as const)(
    '%s: a quota-exhausting profile at the request bound looks at each new cell, not at every earlier one',
    strategy => {
      const work = run(strategy, 1, 1);
      // Two decisions per tenant (none fits, then the new cell fits), each
      // looking at the new cell only.
      expect(work.cellsExamined).toBeLessThanOrEqual(2 * count);
      expect(work.blocksExamined).toBeLessThanOrEqual(2 * count);
    },
  );

  // Each tenant leaves its new cell one unit short of the next tenant's
  // quota: not exhausted, so the cells stay open, but none fits again.
  it.each(['pack', 'spread'] as const)(
    '%s: a profile that leaves every cell short of its quota skips those cells by block',
    strategy => {
      const work = run(strategy, 3, 2);
      // Cells are checked one by one only in the block holding the new
      // cell (at most 64 cells); other blocks are judged by their summary.
      expect(work.cellsExamined).toBeLessThanOrEqual(64 * count);
      expect(work.blocksExamined).toBeLessThanOrEqual(
        2 * count * (count / 64 + 1),
      );
      expect(work.cellsExamined + work.blocksExamined).toBeLessThan(
        (count * count) / 20,
      );
    },
  );
});
