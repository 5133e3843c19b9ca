import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cloudTrailGzip } from '@region-expansion/plugin-region-expansion-node/testUtils';

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
  writeHostileInputs();
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

/** A secret the error messages must never echo. */
const SECRET = 'root:x:0:0:s3cr3t-hash';

/**
 * Inputs built to hurt: junk bytes, links that loop, deep nesting, enormous
 * lines, YAML alias bombs, a cdk.out that points outside itself, a gzip
 * bomb.
 */
function writeHostileInputs() {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 151 + 7) % 256;
  junk[0] = 0xff;
  fs.writeFileSync(at('junk.yaml'), junk);
  fs.writeFileSync(at('junk.json.gz'), junk);
  fs.symlinkSync('loop-b.yaml', at('loop-a.yaml'));
  fs.symlinkSync('loop-a.yaml', at('loop-b.yaml'));
  fs.mkdirSync(at('loops'));
  fs.symlinkSync('b.yaml', at('loops', 'a.yaml'));
  fs.symlinkSync('a.yaml', at('loops', 'b.yaml'));
  const trailLoop = at('trail-loop', 'AWSLogs');
  fs.mkdirSync(trailLoop, { recursive: true });
  fs.writeFileSync(
    path.join(trailLoop, 'a.json.gz'),
    zlib.gzipSync(JSON.stringify({ Records: [] })),
  );
  fs.symlinkSync('..', path.join(trailLoop, 'up'));
  fs.writeFileSync(
    at('deep.yaml'),
    `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  );
  fs.writeFileSync(
    at('long-key.yaml'),
    `Resources:\n  ${'k'.repeat(8 * 1024 * 1024)}: 1\n`,
  );
  fs.writeFileSync(
    at('long-line.yaml'),
    `Resources: "${'a'.repeat(50 * 1024 * 1024)}`,
  );
  fs.writeFileSync(
    at('long-line.json'),
    `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": "${'a'.repeat(
      20 * 1024 * 1024,
    )}`,
  );
  fs.writeFileSync(
    at('aliases.yaml'),
    `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      A: &a [x]\n      L: [${Array(
      10_001,
    )
      .fill('*a')
      .join(',')}]\n`,
  );
  fs.writeFileSync(at('secret.json'), `${SECRET}\n`);
  fs.writeFileSync(at('secret-template.json'), `{"Resources": ${SECRET}}`);
  fs.mkdirSync(at('cdk-out-escape'));
  fs.writeFileSync(
    at('cdk-out-escape', 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        S: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: '../../etc/passwd' },
        },
      },
    }),
  );
  fs.mkdirSync(at('cdk-out-link'));
  fs.symlinkSync(at('secret.json'), at('cdk-out-link', 'S.template.json'));
  fs.writeFileSync(
    at('cdk-out-link', 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        S: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'S.template.json' },
        },
      },
    }),
  );
  // Valid CloudTrail JSON past the 256 MiB cap: at about 1000:1 (300 KB),
  // and at about 50:1 (5 MB), which only the size cap stops.
  fs.writeFileSync(at('bomb.json.gz'), cloudTrailGzip(300, 'bomb'));
  fs.writeFileSync(at('big.json.gz'), cloudTrailGzip(257, 'low'));
}

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

  it.each([
    [
      'binary junk named .yaml',
      'junk.yaml',
      /junk\.yaml: not valid UTF-8 text/,
    ],
    [
      'binary junk named .json.gz',
      'junk.json.gz',
      /junk\.json\.gz: truncated or corrupt gzip/,
    ],
    ['a symbolic link loop', 'loop-a.yaml', /loop-a\.yaml: symbolic link loop/],
    [
      'a folder of looping links',
      'loops',
      /loops[\\/]a\.yaml: symbolic link loop/,
    ],
    [
      'a CloudTrail folder with a link back up',
      'trail-loop',
      /trail-loop[\\/]AWSLogs[\\/]up: symbolic link loop/,
    ],
    ['100,000-deep YAML', 'deep.yaml', /deep\.yaml: .*nesting too deep/],
    [
      'an 8 MB line as a YAML key',
      'long-key.yaml',
      /long-key\.yaml: line 2: malformed YAML: line over the 1048576-character limit/,
    ],
    [
      'a 50 MB unterminated quoted line of YAML',
      'long-line.yaml',
      /long-line\.yaml: line 1: malformed YAML: line over the 1048576-character limit/,
    ],
    [
      'a 20 MB unterminated line of JSON',
      'long-line.json',
      /long-line\.json: line 1: malformed JSON: unterminated string/,
    ],
    [
      'more than 10,000 YAML alias expansions',
      'aliases.yaml',
      /aliases\.yaml: too many YAML alias expansions \(over 10000\)/,
    ],
    [
      'a cdk.out manifest pointing at ../../etc/passwd',
      'cdk-out-escape',
      /manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
    ],
    [
      'a cdk.out template that links outside the assembly',
      'cdk-out-link',
      /manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
    ],
    [
      'a template whose JSON error would quote the file',
      'secret-template.json',
      /secret-template\.json: line 1: malformed JSON: unexpected character/,
    ],
    [
      'a .json.gz inflating to 300 MiB at about 1000:1',
      'bomb.json.gz',
      /bomb\.json\.gz: compression ratio over 200:1 after \d+ decompressed bytes/,
    ],
    [
      'a .json.gz inflating to 257 MiB at about 50:1',
      'big.json.gz',
      /big\.json\.gz: decompressed size exceeds the 268435456-byte limit/,
    ],
  ])(
    'footprint of %s: exit 2, one line naming the file and the reason, no file contents',
    (_name, file, message) => {
      const { code, stdout, stderr } = run('footprint', at(file), '--json');
      expect(stderr).toMatch(message);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toContain('s3cr3t');
      expect(stderr).not.toContain('internal error');
    },
  );

  it('refuses a 300 MiB gzip bomb by its ratio within the first 4 MiB inflated', () => {
    const { code, stderr } = run('footprint', at('bomb.json.gz'));
    expect(code).toBe(2);
    const inflated = /after (\d+) decompressed bytes/.exec(stderr);
    expect(Number(inflated?.[1])).toBeGreaterThanOrEqual(1 << 20);
    expect(Number(inflated?.[1])).toBeLessThanOrEqual(4 << 20);
  });

  it('folds a 12 KB template of 2,000 aliases into one bounded finding', () => {
    const arns = Array.from(
      { length: 200 },
      (_, i) => `"arn:aws:s3:::b${i}"`,
    ).join(',');
    fs.writeFileSync(
      at('amplified.yaml'),
      `Metadata:\n  A: &a [${arns}]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [${Array(
        2000,
      )
        .fill('*a')
        .join(',')}]\n`,
    );
    const { code, stdout } = run('footprint', at('amplified.yaml'), '--json');
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThan(20_000);
    const hardcoded = JSON.parse(stdout).crossRegion.filter(
      (d: { kind: string }) => d.kind === 'hardcoded-partition',
    );
    expect(hardcoded).toHaveLength(1);
    expect(hardcoded[0].occurrences).toBe(200);
  });

  it('place reads its files with the same checks: a parse error never quotes the file', () => {
    const { code, stderr } = run(
      'place',
      '--cells',
      at('secret.json'),
      '--tenants',
      at('tenants.yaml'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/secret\.json: line 1: malformed JSON/);
    expect(stderr).not.toContain('s3cr3t');
  });
});
