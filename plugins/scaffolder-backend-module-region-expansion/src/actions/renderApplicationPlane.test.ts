import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { actionRunner, inputError } from '../__testUtils__/actionRunner';
import {
  exampleInput,
  mockContext,
} from '../__testUtils__/regionExpansionBackend';
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

  describe('checks the design against the architecture advice', () => {
    /** Restricted data in a pooled cell with AWS managed keys. */
    const weaker = {
      classification: 'restricted',
      isolationModel: 'pool',
      encryptionTier: 'aws-managed-key',
    };
    const justification =
      'pilot with synthetic data only until the CloudHSM cluster is ordered';
    const ENTITY =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-de-application-plane\n  annotations:\n    region-expansion.io/deployments: eu-central-1 # where it runs\n';
    const runAs = (change: object, user?: string, isDryRun = false) => {
      const ctx = mockContext({
        workspacePath: workspace.path,
        input: { ...base, ...change } as Record<string, any>,
        ...(user ? { user: { ref: user } } : {}),
        isDryRun,
      });
      return createRenderApplicationPlaneAction()
        .handler(ctx as any)
        .then(() => ctx);
    };

    it.each([false, true])(
      'refuses restricted data in a pooled cell with AWS managed keys naming the field (dry run %s), writing nothing',
      async isDryRun => {
        await expect(
          runAs(weaker, 'user:default/ana', isDryRun),
        ).rejects.toThrow(
          inputError(
            /^isolationModel: pool is weaker than the silo that rule classification-restricted requires in eu-central-1: restricted data suggests silo isolation; choose silo or stronger; encryptionTier: aws-managed-key is weaker than the cloudhsm that rule classification-restricted requires/,
          ),
        );
        expect(fs.readdirSync(workspace.path)).toEqual([]);
      },
    );

    it.each([
      [
        'the template does not allow exceptions',
        { designExceptionJustification: justification },
        'user:default/ana',
        /^isolationModel: pool is weaker .*choose silo or stronger;/,
      ],
      [
        'no justification is given',
        { allowDesignExceptions: true },
        'user:default/ana',
        /^isolationModel: .*\(or give designExceptionJustification to record an exception\)/,
      ],
      [
        'the justification says nothing',
        { allowDesignExceptions: true, designExceptionJustification: 'ok' },
        'user:default/ana',
        /^designExceptionJustification: must say why the weaker design is accepted, at least 20 characters/,
      ],
      [
        'nobody is signed in to accept it',
        {
          allowDesignExceptions: true,
          designExceptionJustification: justification,
        },
        undefined,
        /^designExceptionJustification: an exception records who accepted it/,
      ],
    ])('refuses the exception when %s', async (_, change, user, message) => {
      workspace.setContent({ 'catalog-info.yaml': ENTITY });
      await expect(runAs({ ...weaker, ...change }, user)).rejects.toThrow(
        inputError(message),
      );
      expect(fs.readdirSync(workspace.path)).toEqual(['catalog-info.yaml']);
      expect(
        fs.readFileSync(path.join(workspace.path, 'catalog-info.yaml'), 'utf8'),
      ).toBe(ENTITY);
    });

    it('refuses an exception it cannot record in the entity, writing nothing', async () => {
      await expect(
        runAs(
          {
            ...weaker,
            allowDesignExceptions: true,
            designExceptionJustification: justification,
          },
          'user:default/ana',
        ),
      ).rejects.toThrow(
        inputError(
          /^catalogInfoPath: 'catalog-info.yaml' does not exist in the workspace/,
        ),
      );
      expect(fs.readdirSync(workspace.path)).toEqual([]);
    });

    it('records a justified exception with who, why, rule and when in the entity and the output', async () => {
      workspace.setContent({ 'catalog-info.yaml': ENTITY });
      const ctx = await runAs(
        {
          ...weaker,
          allowDesignExceptions: true,
          designExceptionJustification: `  ${justification}  `,
        },
        'user:default/ana',
      );
      const text = fs.readFileSync(
        path.join(workspace.path, 'catalog-info.yaml'),
        'utf8',
      );
      expect(text).toContain('# where it runs');
      const recorded = JSON.parse(
        yaml.parse(text).metadata.annotations[
          'region-expansion.io/design-exceptions'
        ],
      );
      const expected = [
        { field: 'isolation', chosen: 'pool', required: 'silo' },
        {
          field: 'encryption',
          chosen: 'aws-managed-key',
          required: 'cloudhsm',
        },
      ].map(v =>
        expect.objectContaining({
          ...v,
          rule: 'classification-restricted',
          reason: expect.stringContaining(
            `${v.chosen} is weaker than the ${v.required}`,
          ),
          acceptedBy: 'user:default/ana',
          justification,
          acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        }),
      );
      expect(recorded).toEqual(expected);
      expect(ctx.output).toHaveBeenCalledWith('designExceptions', expected);
      expect(ctx.output).toHaveBeenCalledWith('adviceRules', {
        controlPlane: 'in-country-regime',
        isolation: 'classification-restricted',
        encryption: 'classification-restricted',
      });
    });

    it('records nothing for a design as strong as advised', async () => {
      workspace.setContent({ 'catalog-info.yaml': ENTITY });
      const ctx = await runAs(
        {
          classification: 'confidential',
          isolationModel: 'bridge',
          allowDesignExceptions: true,
        },
        'user:default/ana',
      );
      expect(ctx.output).toHaveBeenCalledWith('designExceptions', []);
      expect(
        fs.readFileSync(path.join(workspace.path, 'catalog-info.yaml'), 'utf8'),
      ).toBe(ENTITY);
    });
  });
});
