import { mockContext } from '../__testUtils__/regionExpansionBackend';
import { EXAMPLE_POOLED_SPEC } from './planCells.examples';
import { createPlanCellsAction } from './planCells';

const base = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  controlPlaneMode: 'regional',
  isolationModel: 'pool',
  cellSpec: EXAMPLE_POOLED_SPEC,
  cellCount: 3,
  accountIds: ['111122223333', '444455556666'],
};

const run = (input: object) => {
  const ctx = mockContext({ input: { ...base, ...input } });
  return createPlanCellsAction()
    .handler(ctx as any)
    .then(() => ctx);
};

describe('region-expansion:plan-cells', () => {
  it('plans cells with deterministic ids and quota requests per account', async () => {
    const ctx = await run({});
    const output = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(
      output.cells.map((c: any) => [c.id, c.accountId, c.lifecycle]),
    ).toEqual([
      ['payments-de-cell-01', '111122223333', 'planned'],
      ['payments-de-cell-02', '444455556666', 'planned'],
      ['payments-de-cell-03', '111122223333', 'planned'],
    ]);
    expect(output.quotaRequests).toEqual([
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
    expect(output.controlPlane).toMatchObject({
      id: 'payments-de-cp',
      mode: 'regional',
      homeLocation: 'eu-central-1',
    });
    // same input, same plan
    const again = Object.fromEntries(
      ((await run({})).output as jest.Mock).mock.calls,
    );
    expect(again).toEqual(output);
  });

  // The rules themselves are tested in the node library (planning/cellPlan).
  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { targetLocation: 'eusc-de-east-1', controlPlaneMode: 'global' },
      /^controlPlaneMode: 'global' is forbidden in partition aws-eusc/,
    ],
    [
      { accountIds: ['12'] },
      /^accountIds\.0: must be a 12-digit AWS account id/,
    ],
  ])(
    'fails the task on %j with an InputError naming the field, outputting nothing',
    async (input, message) => {
      const ctx = mockContext({ input: { ...base, ...input } });
      await expect(createPlanCellsAction().handler(ctx as any)).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(message),
        }),
      );
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );
});
