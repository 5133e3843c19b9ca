import { refusal } from '../__testUtils__/refusal';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations/LocationCatalog';
import { planCells } from './cellPlan';
import {
  diffRegistration,
  planRegistration,
  type RegistrationInput,
} from './registration';

const catalog = LocationCatalog.fromSnapshot();
const plan = planCells(
  {
    name: 'orders-de',
    targetLocation: 'eu-central-1',
    controlPlaneMode: 'regional',
    isolationModel: 'pool',
    cellSpec: {
      version: '2026.1',
      isolation: 'pooled',
      capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
      serviceQuotas: [],
    },
    cellCount: 2,
    accountIds: ['111122223333'],
  },
  catalog,
);
const input: RegistrationInput = {
  name: 'orders-de',
  targetLocation: 'eu-central-1',
  controlPlaneMode: 'regional',
  cells: plan.cells,
};

describe('planRegistration', () => {
  it('returns the control plane and the cells a plan-cells run made', () => {
    expect(planRegistration(input, catalog)).toEqual({
      controlPlane: plan.controlPlane,
      cells: plan.cells,
    });
  });

  const [first, second] = plan.cells;
  it.each([
    [
      'an unknown target',
      { targetLocation: 'mars-north-1' },
      /^targetLocation: unknown location/,
    ],
    [
      'a malformed name',
      { name: 'Orders DE' },
      /^name: 'Orders DE' must be 1-48 lower-case/,
    ],
    [
      'a mode the partition forbids',
      { targetLocation: 'eusc-de-east-1', controlPlaneMode: 'global' },
      /^controlPlaneMode: 'global' is forbidden in partition aws-eusc/,
    ],
    [
      'a cell of another control plane',
      { cells: [first, { ...second, controlPlaneId: 'other-cp' }] },
      /^cells\.1\.controlPlaneId: 'other-cp' differs from the plan's control plane 'orders-de-cp'/,
    ],
    [
      'a cell in another location',
      { cells: [{ ...first, locationId: 'eu-west-1' }] },
      /^cells\.0\.locationId: 'eu-west-1' differs from targetLocation 'eu-central-1'/,
    ],
    [
      'a dedicated cell for 50 tenants',
      { cells: [first, { ...second, isolation: 'dedicated' }] },
      /^cells\.1\.capacity\.tenants: /,
    ],
    [
      '100 cells',
      {
        cells: Array.from({ length: 100 }, (_, i) => ({
          ...first,
          id: `orders-de-cell-${i}`,
        })),
      },
      /^cells: 100 cells are more than the 99 one plan may hold/,
    ],
  ] as Array<[string, Partial<RegistrationInput>, RegExp]>)(
    'refuses %s naming the field',
    (_, change, message) => {
      expect(
        refusal(() => planRegistration({ ...input, ...change }, catalog)),
      ).toMatch(message);
    },
  );
});

describe('diffRegistration', () => {
  const planned = { controlPlane: plan.controlPlane, cells: plan.cells };
  const stored = (
    cell: (typeof plan.cells)[number],
    change: Partial<Cell> = {},
  ): Cell => ({
    ...cell,
    partition: 'aws',
    usage: { tenants: 0, loadUnits: 0, quotas: {} },
    ...change,
  });

  it('creates everything when nothing is stored', () => {
    expect(diffRegistration(planned, { cells: [] })).toEqual({
      createControlPlane: plan.controlPlane,
      createCells: plan.cells,
      existingIds: [],
      conflicts: [],
    });
  });

  it('accepts stored objects that moved on in their lifecycle or were renamed', () => {
    expect(
      diffRegistration(planned, {
        controlPlane: { ...plan.controlPlane, name: 'renamed' },
        cells: [
          stored(plan.cells[0], { lifecycle: 'active', name: 'renamed' }),
        ],
      }),
    ).toEqual({
      createControlPlane: undefined,
      createCells: [plan.cells[1]],
      existingIds: ['orders-de-cp', 'orders-de-cell-01'],
      conflicts: [],
    });
  });

  it.each([
    [
      'a control plane of another mode',
      {
        controlPlane: { ...plan.controlPlane, mode: 'global' as const },
        cells: [],
      },
      "controlPlaneId: control plane 'orders-de-cp' already exists with mode 'global', the plan needs 'regional'",
    ],
    [
      'a control plane that does not manage the target',
      {
        controlPlane: { ...plan.controlPlane, managedLocations: ['eu-west-1'] },
        cells: [],
      },
      "controlPlaneId: control plane 'orders-de-cp' already exists and does not manage eu-central-1",
    ],
    [
      'a cell in another account',
      {
        controlPlane: plan.controlPlane,
        cells: [stored(plan.cells[0], { accountId: '999999999999' })],
      },
      `cells: cell 'orders-de-cell-01' already exists with a different accountId ("999999999999", the plan says "111122223333")`,
    ],
    [
      'a cell of another capacity, whatever the key order',
      {
        controlPlane: plan.controlPlane,
        cells: [
          stored(plan.cells[0], {
            capacity: { quotas: {}, loadUnits: 1000, tenants: 40 },
          }),
        ],
      },
      expect.stringMatching(
        /^cells: cell 'orders-de-cell-01' already exists with a different capacity/,
      ),
    ],
  ])('names %s as a conflict', (_, existing, conflict) => {
    expect(diffRegistration(planned, existing).conflicts).toEqual([conflict]);
  });

  it('compares capacity regardless of key order', () => {
    expect(
      diffRegistration(planned, {
        controlPlane: plan.controlPlane,
        cells: [
          stored(plan.cells[0], {
            capacity: { quotas: {}, loadUnits: 1000, tenants: 50 },
          }),
        ],
      }).conflicts,
    ).toEqual([]);
  });
});
