import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  renderGuardrails,
  type GuardrailsInput,
} from '@region-expansion/plugin-region-expansion-node';
import { actionRunner, inputError } from '../__testUtils__/actionRunner';
import { createRenderGuardrailsAction } from './renderGuardrails';

const workspace = createMockDirectory();
const BASE = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  industry: 'financial-services',
};
const run = actionRunner(createRenderGuardrailsAction(), workspace.path, BASE);

describe('region-expansion:render-guardrails', () => {
  beforeEach(() => workspace.clear());

  // The rules are tested in the node library (guardrails/renderGuardrails);
  // here, that the action writes and outputs what the library renders.
  it.each([
    [
      'eu-central-1',
      {
        industry: 'financial-services',
        allowedRegions: ['eu-central-2'],
        accountIds: ['111122223333'],
      },
    ],
    ['eusc-de-east-1', { industry: 'healthcare', targetPath: 'policies' }],
  ] as Array<[string, Partial<GuardrailsInput> & { targetPath?: string }]>)(
    "writes and outputs the node library's guardrails for %s",
    async (targetLocation, input) => {
      const ctx = await run({ targetLocation, ...input });
      const guardrails = renderGuardrails({
        ...BASE,
        targetLocation,
        ...input,
      });
      const folder = input.targetPath ?? 'guardrails';
      const read = (file: string) =>
        JSON.parse(
          fs.readFileSync(path.join(workspace.path, folder, file), 'utf8'),
        );
      expect(read('scp.json')).toEqual(guardrails.scp);
      expect(read('ou.json')).toEqual({
        ...guardrails.organizationalUnit,
        scpCharacters: guardrails.scpCharacters,
        exemptedGlobalServices: guardrails.exemptedServices,
      });
      expect(Object.fromEntries((ctx.output as jest.Mock).mock.calls)).toEqual({
        organizationalUnitPath: guardrails.organizationalUnit.pathString,
        scpCharacters: guardrails.scpCharacters,
        files: [`${folder}/scp.json`, `${folder}/ou.json`],
      });
    },
  );

  // A refusal fails the task as an InputError and writes nothing.
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
    await expect(run(input)).rejects.toThrow(inputError(message));
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
