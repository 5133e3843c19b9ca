import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { actionRunner, inputError } from '../__testUtils__/actionRunner';
import { exampleInput } from '../__testUtils__/regionExpansionBackend';
import { examples } from './renderApplicationPlane.examples';
import { createRenderApplicationPlaneAction } from './renderApplicationPlane';

const workspace = createMockDirectory();
const base = exampleInput(examples[0].example);
const run = actionRunner(
  createRenderApplicationPlaneAction(),
  workspace.path,
  base,
);

describe('region-expansion:render-application-plane', () => {
  beforeEach(() => workspace.clear());

  it('writes the CDK app shaped by the plan', async () => {
    const ctx = await run({});
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'bin/app.ts',
      'lib/app.ts',
      'lib/cell-stack.ts',
      'lib/plan.ts',
      'package.json',
      'cdk.json',
      'tsconfig.json',
      'README.md',
    ]);
    const stack = fs.readFileSync(
      path.join(workspace.path, 'lib/cell-stack.ts'),
      'utf8',
    );
    expect(stack).toContain('new kms.Key(');
    expect(stack).toContain('Aws.PARTITION');
    expect(stack).not.toMatch(/arn:aws:/);
    const plan = fs.readFileSync(
      path.join(workspace.path, 'lib/plan.ts'),
      'utf8',
    );
    expect(plan).toContain('"region": "eu-central-1"');
    expect(ctx.output).toHaveBeenCalledWith('partition', 'aws');
  });

  // The plan's rules are tested in the node library
  // (planning/applicationPlanePlan); here, that a refusal fails the task
  // as an InputError naming the field and writes nothing.
  it.each([
    [
      { targetLocation: 'eusc-de-east-1' },
      /^controlPlaneMode: 'regional' is forbidden in partition aws-eusc/,
    ],
    [
      { residencyCountries: ['DE', 'Narnia'] },
      /^residencyCountries\.1: must be an ISO 3166-1 alpha-2 country code/,
    ],
    [
      { targetPath: '../outside' },
      /^targetPath: '\.\.\/outside' points outside the workspace$/,
    ],
  ])('rejects %j naming the field, writing nothing', async (input, message) => {
    await expect(run(input)).rejects.toThrow(inputError(message));
    expect(fs.readdirSync(workspace.path)).toEqual([]);
  });

  it.each([
    [
      'cell id ../../etc/passwd',
      [{ ...base.cells[0], id: '../../etc/passwd' }],
      /^cells\.0\.id: must be 1-64 lower-case letters, digits or hyphens/,
    ],
    [
      'cell account 123',
      [{ ...base.cells[0], accountId: '123' }],
      /^cells\.0\.accountId: must be a 12-digit AWS account id/,
    ],
    [
      'cell capacity of -1 tenants',
      [{ ...base.cells[0], capacity: { tenants: -1, loadUnits: 1 } }],
      /^cells\.0\.capacity\.tenants: must not be negative/,
    ],
    [
      'cell capacity over CAPACITY_LIMITS.tenants',
      [{ ...base.cells[0], capacity: { tenants: 1_000_001, loadUnits: 1 } }],
      /^cells\.0\.capacity\.tenants: must be at most 1000000/,
    ],
    [
      'two cells with one id',
      [base.cells[0], base.cells[0]],
      /^cells\.1\.id: 'payments-de-cell-01' is also the id of cells\.0/,
    ],
    [
      'a dedicated cell for pool isolation',
      [{ ...base.cells[0], isolation: 'dedicated' }],
      /^cells\.0\.isolation: /,
    ],
    [
      '100 cells',
      Array.from({ length: 100 }, (_, i) => ({
        ...base.cells[0],
        id: `payments-de-cell-${i}`,
      })),
      /^cells: 100 cells are more than the 99 one plan may hold/,
    ],
  ])(
    'rejects %s naming the field, writing nothing',
    async (_, cells, message) => {
      await expect(run({ cells })).rejects.toThrow(message);
      expect(fs.readdirSync(workspace.path)).toEqual([]);
    },
  );

  describe('writes nothing outside the workspace, links included', () => {
    const outside = createMockDirectory();
    beforeEach(() => outside.setContent({ 'secret.txt': 'secret' }));

    it.each([
      ['targetPath is a link out of the workspace', 'escape', 'escape'],
      ['a folder under targetPath is a link out of it', 'lib', '.'],
    ])('refuses when %s', async (_, link, targetPath) => {
      fs.symlinkSync(outside.path, path.join(workspace.path, link));
      await expect(run({ targetPath })).rejects.toThrow(
        /^targetPath: '.*' points outside the workspace through a symbolic link/,
      );
      expect(fs.readdirSync(outside.path)).toEqual(['secret.txt']);
      expect(fs.readdirSync(workspace.path)).toEqual([link]);
    });
  });
});
