import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
import { examples } from './renderApplicationPlane.examples';
import { createRenderApplicationPlaneAction } from './renderApplicationPlane';

const workspace = createMockDirectory();
const base = yaml.parse(examples[0].example).steps[0].input;
const run = (input: object) => {
  const ctx = mockContext({
    workspacePath: workspace.path,
    input: { ...base, ...input },
  });
  return createRenderApplicationPlaneAction()
    .handler(ctx as any)
    .then(() => ctx);
};

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

  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { targetLocation: 'eusc-de-east-1' },
      /^controlPlaneMode: 'regional' is forbidden in partition aws-eusc/,
    ],
    [
      { residencyCountries: ['FR'] },
      /^residencyCountries: eu-central-1 is in DE/,
    ],
    [{ cells: [] }, /^cells: /],
    [{ targetPath: '../outside' }, /^targetPath: /],
    [
      {
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        encryptionTier: 'cloudhsm',
        residencyCountries: [],
      },
      /^encryptionTier: CloudHSM is not offered in eusc-de-east-1/,
    ],
  ])('rejects %j naming the field', async (input, message) => {
    await expect(run(input)).rejects.toThrow(message);
  });

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
