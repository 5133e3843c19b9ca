import {
  LocationCatalog,
  planCells,
} from '@region-expansion/plugin-region-expansion-node';
import { inputError } from '../__testUtils__/actionRunner';
import {
  exampleInput,
  mockContext,
} from '../__testUtils__/regionExpansionBackend';
import { examples } from './planCells.examples';
import { createPlanCellsAction } from './planCells';

// The rules of a plan are tested in the node library (planning/cellPlan);
// these tests check what the action adds: the step's input in, the plan's
// parts out as plain JSON, and rule errors as InputErrors.
const base = exampleInput(examples[0].example);

describe('region-expansion:plan-cells', () => {
  it("outputs the node library's plan of the step input, part by part", async () => {
    const ctx = mockContext({ input: base });
    await createPlanCellsAction().handler(ctx as any);
    const plan = planCells(base, LocationCatalog.fromSnapshot());
    expect(Object.fromEntries((ctx.output as jest.Mock).mock.calls)).toEqual(
      JSON.parse(
        JSON.stringify({
          cells: plan.cells,
          quotaRequests: plan.quotaRequests,
          controlPlane: plan.controlPlane,
          partition: plan.partition,
        }),
      ),
    );
  });

  it('plans against the catalog it was given, not only the bundled one', async () => {
    const input = { ...base, targetLocation: 'eu-central-1-ham-1a' };
    const catalog = LocationCatalog.fromSnapshot().withExtraLocations([
      {
        id: 'eu-central-1-ham-1a',
        kind: 'local-zone',
        name: 'Hamburg',
        country: 'DE',
        parentRegion: 'eu-central-1',
      },
    ]);
    await expect(
      createPlanCellsAction().handler(mockContext({ input }) as any),
    ).rejects.toThrow(/^targetLocation: unknown location/);
    const ctx = mockContext({ input });
    await createPlanCellsAction({ catalog }).handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('partition', 'aws');
  });

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
        inputError(message),
      );
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );
});
