import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
import { createRenderGuardrailsAction } from './renderGuardrails';

const workspace = createMockDirectory();
const run = (input: object) => {
  const ctx = mockContext({
    workspacePath: workspace.path,
    input: {
      name: 'payments-de',
      targetLocation: 'eu-central-1',
      industry: 'financial-services',
      ...input,
    },
  });
  return createRenderGuardrailsAction()
    .handler(ctx as any)
    .then(() => ctx);
};

describe('region-expansion:render-guardrails', () => {
  beforeEach(() => workspace.clear());

  it('writes the OU path and a minified-size-checked Region-deny SCP', async () => {
    const ctx = await run({
      allowedRegions: ['eu-central-2'],
      accountIds: ['111122223333'],
    });
    const scp = JSON.parse(
      fs.readFileSync(path.join(workspace.path, 'guardrails/scp.json'), 'utf8'),
    );
    const ou = JSON.parse(
      fs.readFileSync(path.join(workspace.path, 'guardrails/ou.json'), 'utf8'),
    );
    expect(ou.path).toEqual(['Root', 'Europe', 'DE', 'financial-services']);
    expect(ou.accountIds).toEqual(['111122223333']);
    const [statement] = scp.Statement;
    expect(statement.Effect).toBe('Deny');
    expect(statement.Condition.StringNotEquals['aws:RequestedRegion']).toEqual([
      'eu-central-1',
      'eu-central-2',
    ]);
    expect(statement.NotAction).toEqual(
      expect.arrayContaining([
        'iam:*',
        'organizations:*',
        'route53:*',
        'cloudfront:*',
      ]),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'organizationalUnitPath',
      'Root/Europe/DE/financial-services',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'scpCharacters',
      JSON.stringify(scp).length,
    );
  });

  it('exempts only the global services of aws-eusc', async () => {
    await run({ targetLocation: 'eusc-de-east-1', industry: 'healthcare' });
    const scp = JSON.parse(
      fs.readFileSync(path.join(workspace.path, 'guardrails/scp.json'), 'utf8'),
    );
    expect(
      scp.Statement[0].Condition.StringNotEquals['aws:RequestedRegion'],
    ).toEqual(['eusc-de-east-1']);
    expect(scp.Statement[0].NotAction).toContain('iam:*');
    expect(JSON.stringify(scp)).not.toMatch(/arn:aws:/);
  });

  // The rules are tested in the node library (guardrails/renderGuardrails);
  // here, that a refusal fails the task as an InputError and writes nothing.
  it.each([
    [
      { allowedRegions: ['eusc-de-east-1'] },
      /^allowedRegions\.0: eusc-de-east-1 is in partition aws-eusc/,
    ],
    [
      { accountIds: ['111122223333', '123'] },
      /^accountIds\.1: must be a 12-digit AWS account id/,
    ],
  ])('rejects %j naming the field, writing nothing', async (input, message) => {
    await expect(run(input)).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    );
    expect(fs.readdirSync(workspace.path)).toEqual([]);
  });

  describe('writes nothing outside the workspace, links included', () => {
    const outside = createMockDirectory();
    beforeEach(() => outside.setContent({ 'secret.txt': 'secret' }));

    it.each([
      [
        'targetPath is a link out of the workspace',
        'escape',
        '.',
        'escape',
        [],
      ],
      [
        'a file under targetPath is a link out of it',
        'guardrails/ou.json',
        'secret.txt',
        'guardrails',
        ['ou.json'],
      ],
    ])('refuses when %s', async (_, link, to, targetPath, inFolder) => {
      fs.mkdirSync(path.join(workspace.path, 'guardrails'), {
        recursive: true,
      });
      fs.symlinkSync(
        path.join(outside.path, to),
        path.join(workspace.path, link),
      );
      await expect(run({ targetPath })).rejects.toThrow(
        /^targetPath: '.*' points outside the workspace through a symbolic link/,
      );
      expect(
        fs.readFileSync(path.join(outside.path, 'secret.txt'), 'utf8'),
      ).toBe('secret');
      expect(fs.readdirSync(outside.path)).toEqual(['secret.txt']);
      expect(fs.readdirSync(path.join(workspace.path, 'guardrails'))).toEqual(
        inFolder,
      );
    });
  });

  it.each([
    ['industry', { industry: 'a'.repeat(10 * 1024) }],
    ['targetPath', { targetPath: `../${'a'.repeat(10 * 1024)}` }],
  ])(
    'names a 10 KB %s with its length instead of echoing it',
    async (field, input) => {
      const error = await run(input).catch(e => e);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
      expect(error.message).toMatch(/\(10\d{3} characters\)/);
      expect(error.message.length).toBeLessThan(400);
    },
  );
});
