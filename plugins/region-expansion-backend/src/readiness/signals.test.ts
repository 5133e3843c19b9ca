import { Cell } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { cellFixture, controlPlaneFixture } from '../__testUtils__/fixtures';
import { capacitySignal, combineSignals, findControlPlane } from './signals';

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

describe('combineSignals', () => {
  const pass = { status: 'pass' as const, detail: 'p', blockers: [] };
  const unknown = { status: 'unknown' as const, detail: 'u', blockers: [] };
  const fail = { status: 'fail' as const, detail: 'f', blockers: ['x'] };
  it.each([
    [pass, undefined, 'pass'],
    [pass, unknown, 'unknown'],
    [unknown, pass, 'unknown'],
    [fail, unknown, 'fail'],
  ] as const)('%o + %o → %s', (a, b, status) => {
    expect(combineSignals(a, b).status).toBe(status);
  });
  it('keeps both details and blockers', () => {
    expect(
      combineSignals(fail, { ...fail, detail: 'g', blockers: ['y'] }),
    ).toEqual({ status: 'fail', detail: 'f; g', blockers: ['x', 'y'] });
  });
});

describe('findControlPlane', () => {
  const catalog = LocationCatalog.fromSnapshot();
  it('finds the control plane managing a Region', () => {
    const found = findControlPlane(
      catalog.require('eu-west-1'),
      catalog.partition('aws'),
      [controlPlaneFixture],
    );
    expect(found.controlPlane?.id).toBe('cp-eu');
    expect(found.signal).toBeUndefined();
  });
  it('warns when no control plane manages a commercial Region', () => {
    const found = findControlPlane(
      catalog.require('eu-west-2'),
      catalog.partition('aws'),
      [controlPlaneFixture],
    );
    expect(found.signal?.status).toBe('warn');
    expect(found.blockers).toEqual([]);
  });
  it('fails in aws-eusc without a partition control plane', () => {
    const found = findControlPlane(
      catalog.require('eusc-de-east-1'),
      catalog.partition('aws-eusc'),
      [
        {
          ...controlPlaneFixture,
          partition: 'aws-eusc',
          mode: 'regional',
          homeLocation: 'eusc-de-east-1',
          managedLocations: ['eusc-de-east-1'],
        },
      ],
    );
    expect(found.signal?.status).toBe('fail');
    expect(found.blockers[0].check).toBe('sovereignty');
  });
});
