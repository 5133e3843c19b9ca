import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  CLOUDFORMATION_YAML,
  TERRAFORM_PLAN,
  cloudTrailRecord,
  tmpDir,
  writeCdkAssembly,
  writeCloudTrail,
} from './__testUtils__/fixtures';
import { buildFootprint, detectInputKind } from './buildFootprint';
import { parseYamlText } from './readInput';

const dir = tmpDir();
const yamlFile = path.join(dir, 'template.yaml');
const planFile = path.join(dir, 'plan.json');
const cdkDir = path.join(dir, 'cdk.out');
const trailDir = path.join(dir, 'trail');
fs.writeFileSync(yamlFile, CLOUDFORMATION_YAML);
fs.writeFileSync(planFile, JSON.stringify(TERRAFORM_PLAN));
writeCdkAssembly(cdkDir);
writeCloudTrail(trailDir, {
  'AWSLogs/111111111111/CloudTrail/eu-west-2/2026/11/01/a.json.gz': [
    cloudTrailRecord({
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
    }),
    cloudTrailRecord({ eventSource: 'unknown.amazonaws.com', eventName: 'X' }),
  ],
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const service = (
  footprint: Awaited<ReturnType<typeof buildFootprint>>,
  code: string,
) => footprint.services.find(s => s.code === code);

describe('detectInputKind', () => {
  it.each([
    [yamlFile, 'cloudformation'],
    [planFile, 'terraform-plan'],
    [cdkDir, 'cdk-assembly'],
    [path.join(cdkDir, 'App.template.json'), 'cloudformation'],
    [trailDir, 'cloudtrail'],
    [
      path.join(
        trailDir,
        'AWSLogs/111111111111/CloudTrail/eu-west-2/2026/11/01/a.json.gz',
      ),
      'cloudtrail',
    ],
  ])('%s is %s', async (file, kind) => {
    expect(await detectInputKind(file)).toBe(kind);
  });
});

describe('short-form intrinsic tags', () => {
  it.each([
    ['!Ref X', { Ref: 'X' }],
    ['!GetAtt A.B.C', { 'Fn::GetAtt': ['A', 'B.C'] }],
    ['!Sub "a-${B}"', { 'Fn::Sub': 'a-${B}' }],
    ['!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    [
      '!If [C, !Ref A, !Ref B]',
      { 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'B' }] },
    ],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    [
      '!Sub\n  - "${A}"\n  - { A: !Ref B }',
      { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] },
    ],
  ])('%s', (source, expected) => {
    expect(parseYamlText(`v: ${source}\n`, 'x.yaml')).toEqual({ v: expected });
  });
});

describe('buildFootprint', () => {
  it('reads a CloudFormation YAML template with tags, policies and pins', async () => {
    const footprint = await buildFootprint([yamlFile]);
    expect(footprint.services.map(s => s.code)).toEqual([
      'acm',
      'cloudfront',
      'dynamodb',
      'iam',
      'kms',
      'lambda',
      's3',
      'sqs',
      'stepfunctions',
    ]);
    expect(service(footprint, 's3')).toEqual({
      code: 's3',
      sources: ['iac'],
      actions: ['GetObject', 'PutObject'],
    });
    expect(service(footprint, 'stepfunctions')?.actions).toEqual([
      'StartExecution',
    ]);
    expect(footprint.unknown).toEqual(
      expect.arrayContaining([
        {
          kind: 'resource-type',
          value: 'AWS::Made::Up',
          file: yamlFile,
          path: 'Resources.Odd',
        },
        expect.objectContaining({
          kind: 'iam-action',
          value: 'madeup:DoThing',
        }),
      ]),
    );
    const kinds = footprint.crossRegion.map(
      d => `${d.kind}:${d.service ?? ''}:${d.region ?? ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'global-service:iam:',
        'global-service:cloudfront:',
        'region-pinned:acm:us-east-1',
        'region-pinned:lambda:us-east-1',
        'replication:dynamodb:us-east-1',
        'replication:dynamodb:eu-west-1',
        'replication:s3:',
        'hardcoded-partition::',
      ]),
    );
    // One finding per file, with the places it was seen as example paths.
    const hardcoded = footprint.crossRegion
      .filter(d => d.kind === 'hardcoded-partition')
      .flatMap(d => d.paths ?? [d.path]);
    expect(hardcoded).toEqual(
      expect.arrayContaining([
        'Resources.Bucket.Properties.ReplicationConfiguration.Rules[0].Destination.Bucket',
        'Resources.Cdn.Properties.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations[0].LambdaFunctionARN',
      ]),
    );
    expect(hardcoded.some(p => p.includes('ReplicationRole'))).toBe(false);
  });

  it('reads a Terraform plan with provider aliases in another Region', async () => {
    const footprint = await buildFootprint([planFile]);
    expect(footprint.services.map(s => s.code)).toEqual([
      'acm',
      'backup',
      'bedrock',
      'dynamodb',
      'iam',
      's3',
      'sqs',
    ]);
    expect(service(footprint, 'bedrock')?.actions).toEqual(['InvokeModel']);
    expect(footprint.unknown).toEqual([
      {
        kind: 'resource-type',
        value: 'random_id',
        file: planFile,
        path: 'random_id.suffix',
      },
    ]);
    expect(footprint.crossRegion).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'provider-region',
          service: 'acm',
          region: 'us-east-1',
          path: 'aws_acm_certificate.cdn',
        }),
        expect.objectContaining({
          kind: 'replication',
          service: 'dynamodb',
          region: 'us-west-2',
        }),
        expect.objectContaining({
          kind: 'backup-copy',
          service: 'backup',
          region: 'us-east-1',
        }),
        // The same global-service finding, note included, as a template's.
        expect.objectContaining({
          kind: 'global-service',
          service: 'iam',
          detail: expect.stringMatching(
            /belongs to AWS Identity and Access Management, global within the partition: IAM is global within each partition/,
          ),
        }),
      ]),
    );
    expect(
      footprint.crossRegion.some(
        d => d.path === 'aws_s3_bucket.data' && d.kind === 'provider-region',
      ),
    ).toBe(false);
  });

  it('reads a cdk.out assembly including nested stacks', async () => {
    const footprint = await buildFootprint([cdkDir]);
    expect(footprint.services.map(s => s.code)).toEqual([
      'bedrock',
      'cloudformation',
      'sns',
      'stepfunctions',
    ]);
    expect(footprint.unknown).toEqual([]);
  });

  it('merges infrastructure code and CloudTrail sources', async () => {
    const footprint = await buildFootprint([yamlFile, trailDir]);
    expect(service(footprint, 's3')).toEqual({
      code: 's3',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetObject', 'PutObject'],
    });
    expect(footprint.unknown).toContainEqual({
      kind: 'event-source',
      value: 'unknown.amazonaws.com',
      file: trailDir,
    });
    expect(footprint.cloudTrail).toEqual(
      expect.objectContaining({ files: 1, records: 2, apiCalls: 2 }),
    );
  });

  it('handles a template with 10,000 resources', async () => {
    const resources: Record<string, object> = {};
    for (let i = 0; i < 10000; i++)
      resources[`Q${i}`] = {
        Type: i % 2 ? 'AWS::SQS::Queue' : 'AWS::SNS::Topic',
      };
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, JSON.stringify({ Resources: resources }));
    const footprint = await buildFootprint([file]);
    expect(footprint.services.map(s => s.code)).toEqual(['sns', 'sqs']);
  });

  it.each([
    [
      'bad.yaml',
      'Resources:\n  A:\n    Type: [unclosed\n',
      /bad\.yaml: line \d+: malformed YAML/,
    ],
    [
      'bad.json',
      '{\n  "Resources": {\n    "A": {"Type": "AWS::S3::Bucket",}\n  }\n}\n',
      /bad\.json: line 3: malformed JSON/,
    ],
    [
      'notype.json',
      '{"Resources": {"A": {"Properties": {}}}}',
      /notype\.json: field Resources\.A\.Type: resource has no Type/,
    ],
    [
      'latin1.yaml',
      Buffer.from([
        0x52, 0x65, 0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x73, 0x3a, 0x20, 0xe9,
        0x0a,
      ]),
      /latin1\.yaml: not valid UTF-8/,
    ],
    [
      'other.json',
      '{"hello": "world"}',
      /other\.json: cannot tell the kind of input/,
    ],
  ])(
    'rejects %s with a one-line error naming it',
    async (name, content, message) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const error = await buildFootprint([file]).catch(e => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    },
  );

  it.each([
    [
      'a folder with no template or plan',
      { 'notes.txt': 'not infrastructure code' },
      /: no CloudFormation template or Terraform plan JSON in this folder$/,
    ],
    [
      'a folder of JSON that is not infrastructure code',
      { 'package.json': '{"name": "x"}', 'tsconfig.json': '{ // comment\n}' },
      /: no CloudFormation template or Terraform plan JSON in this folder$/,
    ],
    [
      'a file named as a template that is junk',
      {
        'ok.template.json': '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
        'junk.template.json': Buffer.from([0xff, 0xfe, 0x00, 0x81]),
      },
      /junk\.template\.json: not valid UTF-8 text$/,
    ],
    [
      'a Terraform plan whose resource_changes is not a list',
      { 'plan.json': '{"format_version": "1.2", "resource_changes": "nope"}' },
      /plan\.json: field resource_changes: must be a list$/,
    ],
  ])('rejects %s, naming it', async (name, files, message) => {
    const folder = path.join(dir, name.replace(/\W+/g, '-'));
    fs.mkdirSync(folder);
    for (const [file, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(folder, file), content);
    }
    await expect(buildFootprint([folder])).rejects.toThrow(message);
  });

  it('skips JSON that is not infrastructure code beside templates', async () => {
    const folder = path.join(dir, 'mixed');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'tsconfig.json'), '{ // comment\n}');
    fs.writeFileSync(
      path.join(folder, 'app.template.json'),
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
    );
    const footprint = await buildFootprint([folder]);
    expect(footprint.services.map(s => s.code)).toEqual(['sqs']);
  });

  it('rejects a truncated gzip naming the file', async () => {
    const root = path.join(dir, 'truncated');
    const file = path.join(
      root,
      'AWSLogs/111111111111/CloudTrail/eu-west-2/2026/11/01/t.json.gz',
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const gz = zlib.gzipSync(
      JSON.stringify({
        Records: [
          cloudTrailRecord({
            eventSource: 's3.amazonaws.com',
            eventName: 'GetObject',
          }),
        ],
      }),
    );
    fs.writeFileSync(file, gz.subarray(0, gz.length - 12));
    await expect(buildFootprint([root])).rejects.toThrow(
      /t\.json\.gz: truncated or corrupt gzip/,
    );
  });
});
