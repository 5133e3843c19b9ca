import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { cellFixture } from '../testUtils';
import { capacitySignal } from './capacitySignal';

const cell = (
  id: string,
  usage: Partial<Cell['usage']>,
  overrides: Partial<Cell> = {},
): Cell =>
  cellFixture({
    id,
    capacity: { tenants: 10, loadUnits: 100, quotas: { stores: 4 } },
    usage: { tenants: 0, loadUnits: 0, quotas: {}, ...usage },
    ...overrides,
  });

describe('capacitySignal', () => {
  it.each([
    { name: 'no cell', cells: [], status: 'unknown' },
    {
      name: 'only planned cells',
      cells: [cell('a', {}, { lifecycle: 'planned' })],
      status: 'unknown',
    },
    {
      name: 'cell in another location',
      cells: [cell('a', {}, { locationId: 'eu-west-1' })],
      status: 'unknown',
    },
    { name: 'headroom', cells: [cell('a', { tenants: 2 })], status: 'pass' },
    {
      name: 'aggregate load at 80%',
      cells: [cell('a', { loadUnits: 90 }), cell('b', { loadUnits: 70 })],
      status: 'warn',
    },
    {
      name: 'declared quota tight',
      cells: [
        cell('a', { quotas: { stores: 4 } }),
        cell('b', { quotas: { stores: 3 } }),
      ],
      status: 'warn',
    },
    {
      name: 'one cell full in a quota, the other free',
      cells: [cell('a', { quotas: { stores: 4 } }), cell('b', {})],
      status: 'pass',
    },
    {
      name: 'every cell full',
      cells: [cell('a', { tenants: 10 }), cell('b', { loadUnits: 100 })],
      status: 'warn',
    },
  ])('$name → $status', ({ cells, status }) => {
    const signal = capacitySignal('eu-central-1', cells as Cell[], {
      warnRatio: 0.8,
    });
    expect(signal.status).toBe(status);
  });

  it('leaves out a cell that breaks a rule, naming it, and never passes', () => {
    const bad = cell(
      'bad',
      {},
      {
        isolation: 'dedicated',
        capacity: { tenants: 2, loadUnits: 100, quotas: {} },
      },
    );
    const withGood = capacitySignal(
      'eu-central-1',
      [cell('a', { tenants: 2 }), bad],
      { warnRatio: 0.8 },
    );
    expect(withGood.status).toBe('warn');
    expect(withGood.blockers).toEqual([
      'cell bad is left out of placement: capacity.tenants: a dedicated cell belongs to one tenant, capacity is 2',
    ]);
    const alone = capacitySignal('eu-central-1', [bad], { warnRatio: 0.8 });
    expect(alone.status).toBe('unknown');
    expect(alone.blockers).toEqual(withGood.blockers);
    expect(alone.detail).toMatch(
      /no active cell in eu-central-1 that placement uses/,
    );
  });

  it('names the full cells', () => {
    const signal = capacitySignal(
      'eu-central-1',
      [cell('a', { tenants: 10 })],
      { warnRatio: 0.8 },
    );
    expect(signal.blockers).toEqual(['cell a is full (tenants 10/10)']);
  });
});
