import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** CloudFormation YAML using short-form intrinsic tags. */
export const CLOUDFORMATION_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Or [!Condition IsProd, !Condition NotProd]]
Parameters:
  Env: { Type: String }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-data'
      ReplicationConfiguration:
        Role: !GetAtt ReplicationRole.Arn
        Rules:
          - Status: Enabled
            Destination:
              Bucket: arn:aws:s3:::backup-bucket-us-east-1
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !If [IsProd, !ImportValue shared-key, !Ref 'AWS::NoValue']
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code: { ZipFile: !Base64 'exit 0' }
      Environment:
        Variables:
          AZ: !Select [0, !GetAZs '']
          PARTS: !Join [',', !Split ['|', 'a|b']]
          MAPPED: !FindInMap [Map, !Ref 'AWS::Region', Value]
          CIDRS: !Join [',', !Cidr ['10.0.0.0/16', 2, 8]]
  ReplicationRole:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, 's3:PutObject', kms:Decrypt, states:StartExecution, madeup:DoThing]
                Resource: !Sub 'arn:\${AWS::Partition}:s3:::x/*'
  Odd:
    Type: AWS::Made::Up
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties: { DomainName: example.com }
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        ViewerCertificate: { AcmCertificateArn: !Ref Cert }
        DefaultCacheBehavior:
          LambdaFunctionAssociations:
            - EventType: viewer-request
              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:edge:1
  Table:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas: [{ Region: eu-west-1 }, { Region: us-east-1 }]
`;

/** A Terraform plan JSON with a us-east-1 provider alias. */
export const TERRAFORM_PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: { root_module: { resources: [] } },
  resource_changes: [
    {
      address: 'aws_s3_bucket.data',
      type: 'aws_s3_bucket',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], after: { bucket: 'data' } },
    },
    {
      address: 'aws_acm_certificate.cdn',
      type: 'aws_acm_certificate',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], after: { domain_name: 'example.com' } },
    },
    {
      address: 'aws_iam_policy.p',
      type: 'aws_iam_policy',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        after: {
          policy: JSON.stringify({
            Statement: [
              {
                Effect: 'Allow',
                Action: ['bedrock:InvokeModel', 'sqs:SendMessage'],
                Resource: 'arn:aws:sqs:eu-west-2:123456789012:q',
              },
            ],
          }),
        },
      },
    },
    {
      address: 'module.db.aws_dynamodb_table.t',
      type: 'aws_dynamodb_table',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        after: { replica: [{ region_name: 'us-west-2' }] },
      },
    },
    {
      address: 'aws_backup_plan.b',
      type: 'aws_backup_plan',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        after: {
          rule: [
            {
              copy_action: [
                {
                  destination_vault_arn:
                    'arn:aws:backup:us-east-1:123456789012:backup-vault:dr',
                },
              ],
            },
          ],
        },
      },
    },
    {
      address: 'random_id.suffix',
      type: 'random_id',
      provider_name: 'registry.terraform.io/hashicorp/random',
      change: { actions: ['create'], after: {} },
    },
    {
      address: 'aws_sns_topic.old',
      type: 'aws_sns_topic',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['delete'], after: null },
    },
  ],
  configuration: {
    provider_config: {
      aws: {
        name: 'aws',
        expressions: { region: { constant_value: 'eu-west-2' } },
      },
      'aws.useast': {
        name: 'aws',
        alias: 'useast',
        expressions: { region: { constant_value: 'us-east-1' } },
      },
    },
    root_module: {
      resources: [
        { address: 'aws_s3_bucket.data', provider_config_key: 'aws' },
        {
          address: 'aws_acm_certificate.cdn',
          provider_config_key: 'aws.useast',
        },
      ],
      module_calls: {
        db: {
          module: {
            resources: [
              { address: 'aws_dynamodb_table.t', provider_config_key: 'aws' },
            ],
          },
        },
      },
    },
  },
};

/** The files of a CDK cloud assembly with one stack and one nested stack. */
const CDK_ASSEMBLY: Record<string, unknown> = {
  'manifest.json': {
    version: '36.0.0',
    artifacts: {
      App: {
        type: 'aws:cloudformation:stack',
        environment: 'aws://123456789012/eu-west-2',
        properties: { templateFile: 'App.template.json' },
      },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  },
  'App.template.json': {
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic' },
      Nested: {
        Type: 'AWS::CloudFormation::Stack',
        Metadata: { 'aws:asset:path': 'AppNested.nested.template.json' },
        Properties: { TemplateURL: 'x' },
      },
      Custom: { Type: 'Custom::Thing', Properties: { ServiceToken: 'x' } },
    },
  },
  'AppNested.nested.template.json': {
    Resources: {
      Machine: { Type: 'AWS::StepFunctions::StateMachine' },
      Model: { Type: 'AWS::Bedrock::Agent' },
    },
  },
};

/** Writes a CDK cloud assembly with one stack and one nested stack. */
export function writeCdkAssembly(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  for (const [name, content] of Object.entries(CDK_ASSEMBLY)) {
    fs.writeFileSync(path.join(directory, name), JSON.stringify(content));
  }
}

/** One CloudTrail record. */
export function cloudTrailRecord(fields: {
  eventSource: string;
  eventName: string;
  eventType?: string;
  account?: string;
  region?: string;
  arn?: string;
}): object {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      arn: fields.arn ?? 'arn:aws:sts::111111111111:assumed-role/app/session',
      accountId: fields.account ?? '111111111111',
      sessionContext: {
        sessionIssuer: {
          arn: (fields.arn ?? 'arn:aws:iam::111111111111:role/app')
            .replace(':sts::', ':iam::')
            .replace('assumed-role', 'role')
            .replace(/\/session$/, ''),
        },
      },
    },
    eventTime: '2026-11-01T00:00:00Z',
    eventSource: fields.eventSource,
    eventName: fields.eventName,
    awsRegion: fields.region ?? 'eu-west-2',
    eventType: fields.eventType ?? 'AwsApiCall',
    recipientAccountId: fields.account ?? '111111111111',
  };
}

/** Writes gzipped CloudTrail files in the standard layout (plus a digest file). */
export function writeCloudTrail(
  root: string,
  files: Record<string, object[]>,
): void {
  for (const [name, records] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = JSON.stringify({ Records: records });
    fs.writeFileSync(file, name.endsWith('.gz') ? zlib.gzipSync(body) : body);
  }
}

/** A fresh temporary directory. */
export function tmpDir(prefix = 'region-expansion-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
