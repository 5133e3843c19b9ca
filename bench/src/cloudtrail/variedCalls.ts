import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';

/** Seed of the varied corpus: file `n` is generated from `SEED + n`. */
export const VARIED_SEED = 20261206;

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
export const hex = (random: Random, length: number) => {
  let text = '';
  while (text.length < length)
    text += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return text.slice(0, length);
};
export function uuid(random: Random): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20)}`;
}
const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const base64 = (random: Random, length: number) => {
  let text = '';
  for (let i = 0; i < length; i++)
    text += BASE64[Math.floor(random() * BASE64.length)];
  return text;
};
export const upper = (random: Random, length: number) =>
  hex(random, length).toUpperCase();

/** What one service call asked and answered; `null`: CloudTrail omits it. */
export type Call = {
  source: string;
  names: string[];
  request(r: Random, ctx: Context): object | null;
  response?(r: Random, ctx: Context): object | null;
  readOnly?: boolean;
};

export interface Context {
  account: string;
  region: string;
  tenant: number;
  /** The tenant's role, key and session ids: the same in every record, as in real trails. */
  ids: TenantIds;
}

export interface TenantIds {
  rolePrincipal: string;
  userPrincipal: string;
  accessKeys: string[];
  sessions: string[];
  kmsKey: string;
  network: string;
}

const tenantIdCache = new Map<number, TenantIds>();
export function tenantIds(tenant: number): TenantIds {
  let ids = tenantIdCache.get(tenant);
  if (!ids) {
    const r = createSeededRandom(VARIED_SEED ^ (tenant * 7919));
    ids = {
      rolePrincipal: `AROA${upper(r, 17)}`,
      userPrincipal: `AIDA${upper(r, 17)}`,
      accessKeys: Array.from({ length: 4 }, () => `ASIA${upper(r, 16)}`),
      sessions: Array.from({ length: 4 }, () => hex(r, 8)),
      kmsKey: uuid(r),
      network: hex(r, 17),
    };
    tenantIdCache.set(tenant, ids);
  }
  return ids;
}

export const bucket = (c: Context) => `tenant-${c.tenant}-data-${c.region}`;

/**
 * Services and their request/response shapes, weighted by how often real
 * trails show them (data events of S3, KMS and DynamoDB dominate).
 */
export const CALLS: Array<[weight: number, call: Call]> = [
  [
    22,
    {
      source: 's3.amazonaws.com',
      names: ['GetObject', 'PutObject', 'HeadObject', 'ListObjectsV2'],
      request: (r, c) => ({
        bucketName: bucket(c),
        Host: `${bucket(c)}.s3.${c.region}.amazonaws.com`,
        key: `objects/${c.ids.sessions[0]}/${Math.floor(r() * 5000)}.json`,
        ...(r() < 0.3 ? { 'x-id': 'GetObject', partNumber: '1' } : {}),
      }),
    },
  ],
  [
    16,
    {
      source: 'kms.amazonaws.com',
      names: ['Decrypt', 'GenerateDataKey', 'Encrypt'],
      request: (r, c) => ({
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        keyId: `arn:aws:kms:${c.region}:${c.account}:key/${c.ids.kmsKey}`,
        encryptionContext: {
          'aws:lambda:FunctionArn': `arn:aws:lambda:${c.region}:${c.account}:function:tenant-${c.tenant}-worker`,
          ...(r() < 0.4 ? { 'aws:s3:arn': `arn:aws:s3:::${bucket(c)}` } : {}),
        },
      }),
      readOnly: true,
    },
  ],
  [
    14,
    {
      source: 'dynamodb.amazonaws.com',
      names: ['GetItem', 'PutItem', 'Query', 'UpdateItem'],
      request: (r, c) => ({
        tableName: `tenants-${c.region}`,
        key: {
          pk: { S: `TENANT#${c.tenant}` },
          sk: { S: `ITEM#${Math.floor(r() * 5000)}` },
        },
        ...(r() < 0.5
          ? {
              expressionAttributeNames: { '#s': 'status', '#u': 'updatedAt' },
              projectionExpression: '#s, #u, payload',
              consistentRead: r() < 0.5,
            }
          : {}),
      }),
    },
  ],
  [
    4,
    {
      source: 'sts.amazonaws.com',
      names: ['AssumeRole'],
      request: (r, c) => ({
        roleArn: `arn:aws:iam::${c.account}:role/tenant-${c.tenant}-access`,
        roleSessionName: `session-${pick(r, c.ids.sessions)}`,
        durationSeconds: 3600,
      }),
      // The session token makes these the largest common records.
      response: (r, c) => ({
        credentials: {
          accessKeyId: `ASIA${upper(r, 16)}`,
          sessionToken: base64(r, 400 + Math.floor(r() * 500)),
          expiration: 'Nov 1, 2026, 1:00:00 AM',
        },
        assumedRoleUser: {
          assumedRoleId: `AROA${upper(r, 17)}:session`,
          arn: `arn:aws:sts::${c.account}:assumed-role/tenant-${c.tenant}-access/session`,
        },
      }),
    },
  ],
  [
    8,
    {
      source: 'lambda.amazonaws.com',
      names: ['Invoke', 'GetFunction', 'UpdateFunctionCode20150331v2'],
      request: (r, c) => ({
        functionName: `arn:aws:lambda:${c.region}:${c.account}:function:tenant-${c.tenant}-worker`,
        ...(r() < 0.5 ? { invocationType: 'Event', qualifier: '$LATEST' } : {}),
      }),
    },
  ],
  [
    7,
    {
      source: 'logs.amazonaws.com',
      names: ['PutLogEvents', 'CreateLogStream', 'DescribeLogStreams'],
      request: (_r, c) => ({
        logGroupName: `/aws/lambda/tenant-${c.tenant}-worker`,
        logStreamName: `2026/11/01/[$LATEST]${c.ids.kmsKey.replace(/-/g, '')}`,
      }),
    },
  ],
  [
    5,
    {
      source: 'ec2.amazonaws.com',
      names: ['DescribeInstances', 'DescribeSubnets', 'RunInstances'],
      request: r => ({
        instancesSet: {
          items: Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
            instanceId: `i-${hex(r, 17)}`,
          })),
        },
        filterSet: {
          items: [
            { name: 'tag:tenant', valueSet: { items: [{ value: 'a' }] } },
          ],
        },
      }),
      // A launch answers with every attribute of every instance: several KB.
      response: (r, c) =>
        r() < 0.3
          ? {
              requestId: uuid(r),
              reservationId: `r-${hex(r, 17)}`,
              ownerId: c.account,
              instancesSet: {
                items: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
                  instanceId: `i-${hex(r, 17)}`,
                  imageId: `ami-${c.ids.network}`,
                  instanceState: { code: 0, name: 'pending' },
                  privateDnsName: `ip-10-0-${Math.floor(
                    r() * 255,
                  )}-${Math.floor(r() * 255)}.${c.region}.compute.internal`,
                  instanceType: pick(r, [
                    'm7g.large',
                    't4g.small',
                    'c7i.xlarge',
                  ]),
                  placement: {
                    availabilityZone: `${c.region}a`,
                    tenancy: 'default',
                  },
                  subnetId: `subnet-${c.ids.network}`,
                  vpcId: `vpc-${c.ids.network}`,
                  networkInterfaceSet: {
                    items: [
                      {
                        networkInterfaceId: `eni-${hex(r, 17)}`,
                        macAddress: `0a:${hex(r, 2)}:${hex(r, 2)}:${hex(
                          r,
                          2,
                        )}:${hex(r, 2)}:${hex(r, 2)}`,
                        privateIpAddress: `10.0.${Math.floor(
                          r() * 255,
                        )}.${Math.floor(r() * 255)}`,
                        groupSet: {
                          items: [
                            {
                              groupId: `sg-${c.ids.network}`,
                              groupName: 'default',
                            },
                          ],
                        },
                      },
                    ],
                  },
                  blockDeviceMapping: {},
                  metadataOptions: {
                    httpTokens: 'required',
                    httpEndpoint: 'enabled',
                  },
                  tagSet: {
                    items: [{ key: 'tenant', value: `tenant-${c.tenant}` }],
                  },
                })),
              },
            }
          : null,
    },
  ],
  [
    4,
    {
      source: 'iam.amazonaws.com',
      names: ['PutRolePolicy', 'GetRole'],
      // A policy document is a JSON string: escaped quotes in the log.
      request: (_r, c) => ({
        roleName: `tenant-${c.tenant}-access`,
        policyName: 'inline',
        policyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: `arn:aws:s3:::${bucket(c)}/*`,
            },
          ],
        }),
      }),
    },
  ],
  [
    4,
    {
      source: 'secretsmanager.amazonaws.com',
      names: ['GetSecretValue'],
      request: (_r, c) => ({
        secretId: `arn:aws:secretsmanager:${c.region}:${
          c.account
        }:secret:tenant-${c.tenant}-${c.ids.kmsKey.slice(0, 6)}`,
      }),
      readOnly: true,
    },
  ],
  [
    3,
    {
      source: 'sqs.amazonaws.com',
      names: ['SendMessage', 'ReceiveMessage', 'DeleteMessage'],
      request: (r, c) => ({
        queueUrl: `https://sqs.${c.region}.amazonaws.com/${c.account}/tenant-${c.tenant}-jobs`,
        ...(r() < 0.5
          ? { messageAttributeNames: ['All'], maxNumberOfMessages: 10 }
          : {}),
      }),
    },
  ],
  [
    3,
    {
      source: 'bedrock.amazonaws.com',
      names: ['InvokeModel', 'Converse'],
      request: () => ({ modelId: 'anthropic.claude-example-v1:0' }),
    },
  ],
  [
    2,
    {
      source: 'states.amazonaws.com',
      names: ['StartExecution', 'DescribeExecution'],
      request: (r, c) => ({
        stateMachineArn: `arn:aws:states:${c.region}:${c.account}:stateMachine:onboard-tenant`,
        name: `café-${hex(r, 8)}`,
      }),
    },
  ],
];
export const TOTAL_WEIGHT = CALLS.reduce((sum, [weight]) => sum + weight, 0);
