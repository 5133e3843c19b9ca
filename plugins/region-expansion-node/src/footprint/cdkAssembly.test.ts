import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './__testUtils__/fixtures';
import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import { addCdkAssembly } from './cdkAssembly';

const SECRET = 'root:x:0:0:s3cr3t-hash';
const root = tmpDir();
const outside = path.join(root, 'outside');
fs.mkdirSync(outside);
fs.writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n`);
fs.writeFileSync(
  path.join(outside, 'Stack.template.json'),
  JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }),
);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const manifest = (artifacts: object) =>
  JSON.stringify({ version: '36.0.0', artifacts });
const stack = (templateFile: string) => ({
  S: { type: 'aws:cloudformation:stack', properties: { templateFile } },
});

/** Writes an assembly folder; `links` are symbolic links (name → target). */
function assembly(
  name: string,
  files: Record<string, string>,
  links: Record<string, string> = {},
): string {
  const dir = path.join(root, name, 'cdk.out');
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  for (const [file, target] of Object.entries(links)) {
    fs.symlinkSync(target, path.join(dir, file));
  }
  return dir;
}

describe('addCdkAssembly reads nothing outside the assembly', () => {
  it.each<[string, () => string, RegExp]>([
    [
      'a templateFile of ../../etc/passwd',
      () =>
        assembly('dotdot', {
          'manifest.json': manifest(stack('../../outside/passwd')),
        }),
      /manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly$/,
    ],
    [
      'an absolute templateFile',
      () =>
        assembly('absolute', {
          'manifest.json': manifest(stack(path.join(outside, 'passwd'))),
        }),
      /field artifacts\.S\.properties\.templateFile: points outside the cloud assembly$/,
    ],
    [
      'a templateFile that is a link out',
      () =>
        assembly(
          'link',
          { 'manifest.json': manifest(stack('S.template.json')) },
          { 'S.template.json': path.join(outside, 'passwd') },
        ),
      /field artifacts\.S\.properties\.templateFile: points outside the cloud assembly \(symbolic links count\)$/,
    ],
    [
      'a manifest.json that is a link out',
      () =>
        assembly(
          'manifest-link',
          {},
          { 'manifest.json': path.join(outside, 'passwd') },
        ),
      /cdk\.out[\\/]manifest\.json: points outside the cloud assembly/,
    ],
    [
      'a nested assembly folder that is a link out',
      () =>
        assembly(
          'stage-link',
          {
            'manifest.json': manifest({
              Stage: {
                type: 'cdk:cloud-assembly',
                properties: { directoryName: 'assembly-Stage' },
              },
            }),
          },
          { 'assembly-Stage': outside },
        ),
      /field artifacts\.Stage\.properties\.directoryName: points outside the cloud assembly/,
    ],
    [
      'a nested stack asset that is a link out',
      () =>
        assembly(
          'asset-link',
          {
            'manifest.json': manifest(stack('S.template.json')),
            'S.template.json': JSON.stringify({
              Resources: {
                N: {
                  Type: 'AWS::CloudFormation::Stack',
                  Metadata: { 'aws:asset:path': 'N.nested.template.json' },
                },
              },
            }),
          },
          {
            'N.nested.template.json': path.join(outside, 'Stack.template.json'),
          },
        ),
      /S\.template\.json: field Resources\.N\.Metadata\.aws:asset:path: points outside the cloud assembly/,
    ],
    [
      'a templateFile that is missing',
      () =>
        assembly('missing', {
          'manifest.json': manifest(stack('S.template.json')),
        }),
      /field artifacts\.S\.properties\.templateFile: 'S\.template\.json' does not exist in the cloud assembly$/,
    ],
    [
      'a template that is not JSON',
      () =>
        assembly('not-json', {
          'manifest.json': manifest(stack('S.template.json')),
          'S.template.json': SECRET,
        }),
      /S\.template\.json: line 1: malformed JSON: unexpected character$/,
    ],
  ])(
    'refuses %s, naming the field, quoting nothing',
    async (_name, make, message) => {
      const dir = make();
      const error = await addCdkAssembly(new FootprintBuilder(), dir).catch(
        e => e,
      );
      expect(error).toBeInstanceOf(FootprintInputError);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('s3cr3t');
    },
  );

  it('reads stacks, stages and nested stacks inside the assembly', async () => {
    const dir = assembly('fine', {
      'manifest.json': manifest({
        ...stack('S.template.json'),
        Stage: {
          type: 'cdk:cloud-assembly',
          properties: { directoryName: 'assembly-Stage' },
        },
      }),
      'S.template.json': JSON.stringify({
        Resources: {
          T: { Type: 'AWS::SNS::Topic' },
          N: {
            Type: 'AWS::CloudFormation::Stack',
            Metadata: { 'aws:asset:path': 'N.nested.template.json' },
          },
        },
      }),
      'N.nested.template.json': JSON.stringify({
        Resources: { Q: { Type: 'AWS::SQS::Queue' } },
      }),
      'assembly-Stage/manifest.json': manifest(stack('Inner.template.json')),
      'assembly-Stage/Inner.template.json': JSON.stringify({
        Resources: { F: { Type: 'AWS::Lambda::Function' } },
      }),
    });
    const builder = new FootprintBuilder();
    await addCdkAssembly(builder, dir);
    expect(builder.build().services.map(s => s.code)).toEqual([
      'cloudformation',
      'lambda',
      'sns',
      'sqs',
    ]);
  });
});
