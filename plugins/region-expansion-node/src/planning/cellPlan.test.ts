import { refusal } from '../__testUtils__/refusal';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  assertCellCount,
  assertDistinctCellIds,
  MAX_CELLS_PER_PLAN,
  parsePlannedCells,
  planCells,
  type PlanCellsInput,
} from './cellPlan';

const POOLED_SPEC = {
  version: '2026.1',
  isolation: 'pooled',
  capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrent executions',
      perCell: 1000,
    },
  ],
};
const DEDICATED_SPEC = {
  ...POOLED_SPEC,
  isolation: 'dedicated',
  capacity: { tenants: 1, loadUnits: 1, quotas: {} },
};

const base: PlanCellsInput = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  controlPlaneMode: 'regional',
  isolationModel: 'pool',
  cellSpec: POOLED_SPEC,
  cellCount: 3,
  accountIds: ['111122223333', '444455556666'],
};
const catalog = LocationCatalog.fromSnapshot();

describe('planCells', () => {
  it('plans cells with deterministic ids and quota requests per account', () => {
    const plan = planCells(base, catalog);
    expect(plan.cells.map(c => [c.id, c.accountId, c.lifecycle])).toEqual([
      ['payments-de-cell-01', '111122223333', 'planned'],
      ['payments-de-cell-02', '444455556666', 'planned'],
      ['payments-de-cell-03', '111122223333', 'planned'],
    ]);
    expect(plan.quotaRequests).toEqual([
      {
        accountId: '111122223333',
        cellIds: ['payments-de-cell-01', 'payments-de-cell-03'],
        requests: [
          expect.objectContaining({
            serviceCode: 'lambda',
            perCell: 1000,
            cellCount: 2,
            total: 2000,
          }),
        ],
      },
      {
        accountId: '444455556666',
        cellIds: ['payments-de-cell-02'],
        requests: [expect.objectContaining({ cellCount: 1, total: 1000 })],
      },
    ]);
    expect(plan.controlPlane).toMatchObject({
      id: 'payments-de-cp',
      mode: 'regional',
      homeLocation: 'eu-central-1',
    });
    expect(plan.partition).toBe('aws');
    expect(planCells(base, catalog)).toEqual(plan);
  });

  it('pads ordinals to the width of the count', () => {
    const plan = planCells({ ...base, cellCount: MAX_CELLS_PER_PLAN }, catalog);
    expect(plan.cells[0].id).toBe('payments-de-cell-01');
    expect(plan.cells[98].id).toBe('payments-de-cell-99');
  });

  it('plans dedicated silo cells inside aws-eusc, one account each', () => {
    const plan = planCells(
      {
        ...base,
        name: 'health-eusc',
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        isolationModel: 'silo',
        cellSpec: DEDICATED_SPEC,
        cellCount: 2,
      },
      catalog,
    );
    expect(plan.partition).toBe('aws-eusc');
    expect(plan.cells.map(c => [c.isolation, c.accountId])).toEqual([
      ['dedicated', '111122223333'],
      ['dedicated', '444455556666'],
    ]);
  });

  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { isolationModel: 'silo' },
      /^cellSpec\.isolation: the plan cannot satisfy isolation model 'silo'/,
    ],
    [
      {
        isolationModel: 'silo',
        cellSpec: {
          ...DEDICATED_SPEC,
          capacity: { tenants: 5, loadUnits: 1, quotas: {} },
        },
      },
      /^cellSpec\.capacity\.tenants: /,
    ],
    [
      {
        cellSpec: {
          ...POOLED_SPEC,
          capacity: { tenants: 1, loadUnits: 1, quotas: {} },
        },
      },
      /^cellSpec\.capacity\.tenants: a pooled cell is shared by tenants/,
    ],
    [
      { isolationModel: 'silo', cellSpec: DEDICATED_SPEC },
      /^accountIds: silo isolation puts each dedicated cell in its own account/,
    ],
    [
      { targetLocation: 'eusc-de-east-1', controlPlaneMode: 'global' },
      /^controlPlaneMode: 'global' is forbidden in partition aws-eusc/,
    ],
    [
      { controlPlaneMode: 'partition' },
      /^controlPlaneMode: 'partition' is for separate partitions/,
    ],
    [{ cellCount: 0 }, /^cellCount: /],
    [{ cellCount: 1.5 }, /^cellCount: /],
    [{ cellCount: MAX_CELLS_PER_PLAN + 1 }, /^cellCount: /],
    [{ accountIds: [] }, /^accountIds: name at least one AWS account/],
    [
      { accountIds: ['12'] },
      /^accountIds\.0: must be a 12-digit AWS account id/,
    ],
    [{ cellSpec: { ...POOLED_SPEC, version: '' } }, /^cellSpec\.version: /],
    [{ name: 'Bad Name' }, /^name: /],
    [
      { controlPlaneId: '../../etc' },
      /^controlPlaneId: must be 1-64 lower-case letters, digits or hyphens/,
    ],
  ] as Array<[Partial<PlanCellsInput>, RegExp]>)(
    'refuses %j naming the field',
    (input, message) => {
      expect(refusal(() => planCells({ ...base, ...input }, catalog))).toMatch(
        message,
      );
    },
  );

  it.each([
    ['targetLocation', { targetLocation: 'a'.repeat(10 * 1024) }],
    ['name', { name: 'A'.repeat(10 * 1024) }],
    ['controlPlaneId', { controlPlaneId: 'A'.repeat(10 * 1024) }],
  ])(
    'names a 10 KB %s with its length instead of echoing it',
    (field, input) => {
      const message = refusal(() => planCells({ ...base, ...input }, catalog));
      expect(message).toMatch(new RegExp(`^${field}: `));
      expect(message.length).toBeLessThan(400);
    },
  );
});

describe('parsePlannedCells', () => {
  const cells = planCells(base, catalog).cells;

  it('returns planned cells as parsed', () => {
    expect(parsePlannedCells(cells)).toEqual(cells);
  });

  it.each([
    ['no cells', [], /^cells: the plan has no cells/],
    [
      'a cell already active',
      [cells[0], { ...cells[1], lifecycle: 'active' }],
      /^cells\.1\.lifecycle: 'active' is not 'planned'/,
    ],
    [
      'a malformed account',
      [{ ...cells[0], accountId: '123' }],
      /^cells\.0\.accountId: must be a 12-digit AWS account id/,
    ],
    [
      'two cells with one id',
      [cells[0], cells[0]],
      /^cells\.1\.id: 'payments-de-cell-01' is also the id of cells\.0/,
    ],
  ])('refuses %s naming the field', (_, input, message) => {
    expect(refusal(() => parsePlannedCells(input))).toMatch(message);
  });
});

describe('assertCellCount and assertDistinctCellIds', () => {
  it.each([
    [0, /^cells: the plan has no cells/],
    [
      MAX_CELLS_PER_PLAN + 1,
      /^cells: 100 cells are more than the 99 one plan may hold/,
    ],
  ])('refuses %i cells', (count, message) => {
    expect(refusal(() => assertCellCount(Array(count).fill({})))).toMatch(
      message,
    );
  });

  it('accepts distinct ids and names the later duplicate', () => {
    expect(() =>
      assertDistinctCellIds([{ id: 'a' }, { id: 'b' }]),
    ).not.toThrow();
    expect(
      refusal(() =>
        assertDistinctCellIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }]),
      ),
    ).toBe("cells.2.id: 'a' is also the id of cells.0");
  });
});
