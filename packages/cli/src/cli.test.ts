import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const BIN = path.resolve(__dirname, '../bin/region-expansion');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'region-expansion-cli-'));
const at = (...parts: string[]) => path.join(dir, ...parts);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function record(eventSource: string, eventName: string, extra: object = {}) {
  return {
    eventSource,
    eventName,
    eventType: 'AwsApiCall',
    awsRegion: 'eu-west-2',
    recipientAccountId: '111111111111',
    userIdentity: { arn: 'arn:aws:sts::111111111111:assumed-role/app/s' },
    ...extra,
  };
}

beforeAll(() => {
  fs.writeFileSync(
    at('template.yaml'),
    [
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      "      BucketName: !Sub '${AWS::StackName}-b'",
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: !If [C, !Ref A, !GetAtt X.Arn]',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      '            Statement:',
      '              - { Effect: Allow, Action: s3:PutObject, Resource: arn:aws:s3:::b/* }',
      '  Cdn:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties: { DistributionConfig: { ViewerCertificate: { AcmCertificateArn: !Ref Cert } } }',
      '',
    ].join('\n'),
  );
  fs.mkdirSync(at('cdk.out'));
  fs.writeFileSync(
    at('cdk.out', 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        S: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://1/eu-west-2',
          properties: { templateFile: 'S.template.json' },
        },
      },
    }),
  );
  fs.writeFileSync(
    at('cdk.out', 'S.template.json'),
    JSON.stringify({
      Resources: {
        Q: { Type: 'AWS::SQS::Queue' },
        M: { Type: 'AWS::Bedrock::Agent' },
      },
    }),
  );
  fs.writeFileSync(
    at('plan.json'),
    JSON.stringify({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_lambda_function.f',
          type: 'aws_lambda_function',
          change: { actions: ['create'], after: {} },
        },
      ],
    }),
  );
  const trail = at(
    'logs',
    'AWSLogs',
    '111111111111',
    'CloudTrail',
    'eu-west-2',
    '2026',
    '11',
    '01',
  );
  fs.mkdirSync(trail, { recursive: true });
  fs.writeFileSync(
    path.join(trail, 'a.json.gz'),
    zlib.gzipSync(
      JSON.stringify({
        Records: [
          record('s3.amazonaws.com', 'GetObject'),
          record('kms.amazonaws.com', 'Decrypt', {
            eventType: 'AwsServiceEvent',
          }),
        ],
      }),
    ),
  );
  fs.writeFileSync(
    at('truncated.json.gz'),
    zlib.gzipSync(JSON.stringify({ Records: [] })).subarray(0, 10),
  );
  fs.writeFileSync(at('bad.yaml'), 'Resources:\n  A: [\n');
  fs.writeFileSync(
    at('cells.yaml'),
    [
      'spec: { version: "1", isolation: pooled, capacity: { tenants: 10, loadUnits: 100 }, serviceQuotas: [] }',
      'controlPlanes:',
      '  - { id: cp-eu, name: EU, mode: regional, partition: aws, homeLocation: eu-west-2, managedLocations: [eu-west-2] }',
      'cells:',
      '  - { id: cell-1, name: Cell 1, locationId: eu-west-2, controlPlaneId: cp-eu, lifecycle: active, isolation: pooled, accountId: "123456789012", specVersion: "1", capacity: { tenants: 10, loadUnits: 100 }, usage: { tenants: 8, loadUnits: 80 } }',
      'readiness: { eu-west-2: ready }',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    at('tenants.yaml'),
    '- { count: 5, tier: pool, residency: { countries: [GB] }, classification: internal, loadUnits: 5 }\n',
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('region-expansion CLI (spawned)', () => {
  it('footprint --json merges CloudFormation YAML, cdk.out, a Terraform plan and gzipped CloudTrail', () => {
    const { code, stdout } = run(
      'footprint',
      at('template.yaml'),
      at('cdk.out'),
      at('plan.json'),
      at('logs'),
      '--json',
    );
    expect(code).toBe(0);
    const footprint = JSON.parse(stdout);
    expect(footprint.services.map((s: { code: string }) => s.code)).toEqual([
      'acm',
      'bedrock',
      'cloudfront',
      'iam',
      'lambda',
      's3',
      'sqs',
    ]);
    expect(
      footprint.services.find((s: { code: string }) => s.code === 's3'),
    ).toEqual({
      code: 's3',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetObject', 'PutObject'],
    });
    expect(footprint.crossRegion).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'region-pinned',
          service: 'acm',
          region: 'us-east-1',
        }),
      ]),
    );
    expect(footprint.unknown).toEqual([]);
    expect(footprint.cloudTrail).toEqual(
      expect.objectContaining({
        apiCalls: 1,
        serviceEvents: { 'kms.amazonaws.com': 1 },
      }),
    );
  });

  it('footprint filters CloudTrail by account', () => {
    const { code, stdout } = run(
      'footprint',
      at('logs'),
      '--account',
      '222222222222',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).services).toEqual([]);
  });

  it.each([
    {
      target: 'eu-west-2',
      args: [],
      code: 0,
      level: 'pilot',
      blockedServices: [],
    },
    {
      target: 'eusc-de-east-1',
      args: [],
      code: 1,
      level: 'blocked',
      blockedServices: ['cloudfront'],
    },
    {
      target: 'cn-north-1',
      args: [],
      code: 1,
      level: 'blocked',
      blockedServices: ['bedrock'],
    },
    {
      target: 'us-east-1',
      args: ['--residency', 'EU', '--classification', 'confidential'],
      code: 1,
      level: 'blocked',
      blockedServices: [],
    },
  ])(
    'assess --target $target $args exits $code',
    ({ target, args, code, level, blockedServices }) => {
      const result = run(
        'assess',
        '--target',
        target,
        at('template.yaml'),
        at('cdk.out'),
        ...args,
        '--json',
      );
      expect(result.code).toBe(code);
      const assessment = JSON.parse(result.stdout);
      expect(assessment).toEqual(expect.objectContaining({ target, level }));
      expect(
        assessment.blockers
          .filter((b: { check: string }) => b.check === 'availability')
          .map((b: { service: string }) => b.service),
      ).toEqual(blockedServices);
      expect(assessment.signals.security.status).toBe('unknown');
    },
  );

  it('availability --json lists services of a location', () => {
    const { code, stdout } = run('availability', 'eusc-de-east-1', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(
      expect.objectContaining({
        location: 'eusc-de-east-1',
        partition: 'aws-eusc',
      }),
    );
    expect(report.services).toContain('s3');
  });

  it('place --json runs a what-if with the placement engine', () => {
    const { code, stdout, stderr } = run(
      'place',
      '--cells',
      at('cells.yaml'),
      '--tenants',
      at('tenants.yaml'),
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toEqual(
      expect.objectContaining({ requested: 5, strategy: 'pack' }),
    );
    expect(result.placedInExistingCells + result.placedInNewCells).toBe(5);
  });

  it.each([
    {
      name: 'truncated gzip',
      args: ['footprint', at('truncated.json.gz')],
      message: /truncated\.json\.gz: truncated or corrupt gzip/,
    },
    {
      name: 'malformed YAML',
      args: ['footprint', at('bad.yaml')],
      message: /bad\.yaml: line \d+: malformed YAML/,
    },
    {
      name: 'missing file',
      args: ['footprint', at('nope.yaml')],
      message: /nope\.yaml: no such file/,
    },
    {
      name: 'unknown location',
      args: ['assess', '--target', 'mars-1', at('template.yaml')],
      message: /mars-1/,
    },
    {
      name: 'bad classification',
      args: [
        'assess',
        '--target',
        'eu-west-2',
        '--classification',
        'secret',
        at('template.yaml'),
      ],
      message: /classification/,
    },
    {
      name: 'bad residency token',
      args: [
        'assess',
        '--target',
        'eu-west-2',
        '--residency',
        'Europe!',
        at('template.yaml'),
      ],
      message: /--residency: 'Europe!'/,
    },
    {
      name: 'unknown command',
      args: ['frobnicate'],
      message: /unknown command/,
    },
    {
      name: 'bad tenants file',
      args: ['place', '--cells', at('cells.yaml'), '--tenants', at('bad.yaml')],
      message: /bad\.yaml: line \d+: malformed YAML/,
    },
  ])(
    '$name: one-line error, exit 2, nothing on stdout',
    ({ args, message }) => {
      const { code, stdout, stderr } = run(...args, '--json');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});
