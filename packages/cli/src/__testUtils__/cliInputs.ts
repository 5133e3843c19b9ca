import zlib from 'node:zlib';
import { TempFolder } from './TempFolder';

/** A secret the error messages must never echo. */
export const SECRET = 'root:x:0:0:s3cr3t-hash';

/** A cdk.out manifest with one stack, stored in `templateFile`. */
export function cdkManifest(
  templateFile: string,
  environment?: string,
): string {
  return JSON.stringify({
    version: '36.0.0',
    artifacts: {
      S: {
        type: 'aws:cloudformation:stack',
        ...(environment ? { environment } : {}),
        properties: { templateFile },
      },
    },
  });
}

/** One CloudTrail record of account 111111111111 in eu-west-2. */
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

/**
 * The valid inputs of every command: CloudFormation YAML, a cdk.out, a
 * Terraform plan, gzipped CloudTrail, cells and tenants files; and a few
 * small bad ones (a truncated gzip, malformed YAML, a secret).
 */
export function writeCliInputs(folder: TempFolder): void {
  folder.write(
    'template.yaml',
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
  folder.write(
    'cdk.out/manifest.json',
    cdkManifest('S.template.json', 'aws://1/eu-west-2'),
  );
  folder.write(
    'cdk.out/S.template.json',
    JSON.stringify({
      Resources: {
        Q: { Type: 'AWS::SQS::Queue' },
        M: { Type: 'AWS::Bedrock::Agent' },
      },
    }),
  );
  folder.write(
    'plan.json',
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
  folder.write(
    'logs/AWSLogs/111111111111/CloudTrail/eu-west-2/2026/11/01/a.json.gz',
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
  folder.write(
    'truncated.json.gz',
    zlib.gzipSync(JSON.stringify({ Records: [] })).subarray(0, 10),
  );
  folder.write('bad.yaml', 'Resources:\n  A: [\n');
  folder.write('secret.json', `${SECRET}\n`);
  folder.write(
    'cells.yaml',
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
  folder.write(
    'tenants.yaml',
    '- { count: 5, tier: pool, residency: { countries: [GB] }, classification: internal, loadUnits: 5 }\n',
  );
}

/**
 * A temporary folder holding {@link writeCliInputs}'s files for the tests
 * of one file: written before them, removed after.
 */
export function useCliInputs(prefix: string): TempFolder {
  const folder = new TempFolder(prefix);
  beforeAll(() => writeCliInputs(folder));
  afterAll(() => folder.remove());
  return folder;
}
