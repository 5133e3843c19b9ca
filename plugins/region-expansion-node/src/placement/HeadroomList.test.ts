import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { CellState, compareHeadroom, type Demand } from './cellState';
import { HeadroomList } from './HeadroomList';

function randomCell(random: () => number, i: number): Cell {
  const quotas: Record<string, number> = {};
  if (random() < 0.7) quotas.queues = Math.floor(random() * 6);
  if (random() < 0.3) quotas.stores = Math.floor(random() * 3);
  return {
    id: `c${String(i).padStart(4, '0')}`,
    name: `c${i}`,
    locationId: 'eu-west-1',
    partition: 'aws',
    controlPlaneId: 'cp',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '123456789012',
    specVersion: '1',
    capacity: {
      tenants: 1000,
      loadUnits: 20 + Math.floor(random() * 40),
      quotas,
    },
    usage: { tenants: 0, loadUnits: 0, quotas: {} },
  };
}

function randomDemand(random: () => number): Demand {
  const quotas: [string, number][] = [];
  if (random() < 0.6) quotas.push(['queues', 1 + Math.floor(random() * 3)]);
  if (random() < 0.2) quotas.push(['stores', 1]);
  return {
    tier: 'pool',
    isolation: 'pooled',
    loadUnits: 1 + Math.floor(random() * (random() < 0.1 ? 80 : 10)),
    quotas,
  };
}

describe('HeadroomList', () => {
  it.each([1, 2, 3])(
    'answers like a scan of the sorted cells while blocks split and merge (seed %i)',
    seed => {
      const random = createSeededRandom(seed);
      const work = { cellsExamined: 0, blocksExamined: 0 };
      const list = new HeadroomList(work);
      const held: CellState[] = [];
      const sorted = () => [...held].sort(compareHeadroom);
      for (let i = 0; i < 700; i++) {
        const state = new CellState(randomCell(random, i));
        list.insert(state);
        held.push(state);
      }
      let found = 0;
      for (let step = 0; step < 2000; step++) {
        const demand = randomDemand(random);
        const order = sorted();
        const exclude =
          random() < 0.2
            ? order[Math.floor(random() * order.length)]?.id
            : undefined;
        const candidates = order.filter(
          s => s.id !== exclude && s.fits(demand),
        );
        expect(list.smallestFit(demand, exclude, undefined)).toBe(
          candidates[0],
        );
        expect(list.largestFit(demand, exclude, undefined)).toBe(
          candidates[candidates.length - 1],
        );
        if (candidates.length > 0) found++;
        const roll = random();
        if (roll < 0.5 && candidates.length > 0) {
          // Use a fitting cell: its headroom shrinks, so it moves.
          const state = candidates[Math.floor(random() * candidates.length)];
          list.remove(state);
          state.apply(demand, 1);
          list.insert(state);
        } else if (roll < 0.8 && held.length > 0) {
          // Close a cell, as when it fills up: blocks shrink and merge.
          const index = Math.floor(random() * held.length);
          list.remove(held[index]);
          held.splice(index, 1);
        } else {
          const state = new CellState(randomCell(random, 1000 + step));
          list.insert(state);
          held.push(state);
        }
        expect(list.size).toBe(held.length);
      }
      // Both outcomes occur, so the comparison means something.
      expect(found).toBeGreaterThan(500);
      expect(found).toBeLessThan(2000);
    },
  );
});
