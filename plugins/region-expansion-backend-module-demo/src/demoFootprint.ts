import { Footprint } from '@region-expansion/plugin-region-expansion-common';

/**
 * Footprint of the demo portal's synthetic application plane: a serverless
 * API over S3 and DynamoDB with KMS keys, SQS queues, CloudWatch metrics and
 * logs, and a Bedrock model. Bedrock is what blocks some Regions.
 *
 * @public
 */
export const DEMO_FOOTPRINT: Footprint = {
  services: [
    {
      code: 'apigateway',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetRestApi'],
    },
    { code: 'bedrock', sources: ['cloudtrail'], actions: ['InvokeModel'] },
    {
      code: 'cloudwatch',
      sources: ['iac', 'cloudtrail'],
      actions: ['PutMetricData'],
    },
    {
      code: 'dynamodb',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetItem', 'PutItem', 'Query'],
    },
    {
      code: 'kms',
      sources: ['iac', 'cloudtrail'],
      actions: ['Decrypt', 'GenerateDataKey'],
    },
    { code: 'lambda', sources: ['iac', 'cloudtrail'], actions: ['Invoke'] },
    {
      code: 'logs',
      sources: ['iac', 'cloudtrail'],
      actions: ['CreateLogStream', 'PutLogEvents'],
    },
    {
      code: 's3',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetObject', 'PutObject'],
    },
    {
      code: 'sqs',
      sources: ['iac', 'cloudtrail'],
      actions: ['ReceiveMessage', 'SendMessage'],
    },
  ],
  crossRegion: [
    {
      kind: 'global-service',
      service: 'iam',
      file: 'demo/application-plane.yaml',
      path: 'Resources.ApiHandlerRole',
      detail:
        'IAM is a global service of the partition; roles are created once per account',
    },
  ],
  unknown: [],
};

/**
 * Where the demo footprint is said to come from.
 *
 * @public
 */
export const DEMO_FOOTPRINT_SOURCE =
  'demo: synthetic application plane (demo/application-plane.yaml and its CloudTrail)';
