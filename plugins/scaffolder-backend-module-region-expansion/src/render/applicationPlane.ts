import type { EncryptionTier } from '@region-expansion/plugin-region-expansion-common';
import type { ApplicationPlanePlan } from '@region-expansion/plugin-region-expansion-node';

/**
 * Version of aws-cdk-lib the generated application pins.
 *
 * @public
 */
export const GENERATED_CDK_VERSION = '2.270.0';

const ENCRYPTION_CODE: Record<EncryptionTier, string> = {
  'aws-managed-key': `/**
 * AWS managed keys: S3 with SSE-KMS under the AWS managed key aws/s3, DynamoDB
 * and SQS with their AWS managed keys. No customer managed key to administer.
 */
function cellEncryption(_scope: Construct): CellEncryption {
  return {
    bucket: { encryption: s3.BucketEncryption.KMS_MANAGED },
    table: { encryption: dynamodb.TableEncryption.AWS_MANAGED },
    queue: { encryption: sqs.QueueEncryption.KMS_MANAGED },
  };
}
`,
  'customer-managed-kms-key': `/**
 * A customer managed KMS key per cell, rotated yearly, for S3, DynamoDB, SQS
 * and the function's environment.
 */
function cellEncryption(scope: Construct): CellEncryption {
  const key = new kms.Key(scope, 'CellKey', {
    description: \`Data key of cell \${scope.node.id}\`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return withKey(key);
}
`,
  cloudhsm: `/**
 * A KMS key whose material lives in a CloudHSM custom key store (type
 * AWS_CLOUDHSM) connected in this Region. CloudFormation cannot create such a
 * key (AWS::KMS::Key has no custom key store), so a custom resource calls
 * KMS CreateKey with Origin AWS_CLOUDHSM and the store id given at deploy
 * time: cdk deploy --parameters CustomKeyStoreId=cks-...
 */
function cellEncryption(scope: Construct): CellEncryption {
  const storeId = new CfnParameter(scope, 'CustomKeyStoreId', {
    type: 'String',
    description: 'Id of the connected AWS_CLOUDHSM custom key store (cks-...)',
    allowedPattern: '^cks-[a-z0-9]+$',
  });
  return withKey(
    keyInCustomKeyStore(scope, {
      Origin: 'AWS_CLOUDHSM',
      CustomKeyStoreId: storeId.valueAsString,
    }, ['cloudhsm:DescribeClusters']),
  );
}
`,
  'external-key-store': `/**
 * A KMS key backed by an external key store (XKS): the key material stays in
 * the customer's HSM outside AWS. CloudFormation cannot create such a key, so
 * a custom resource calls KMS CreateKey with Origin EXTERNAL_KEY_STORE, the
 * store id and the external key id given at deploy time:
 * cdk deploy --parameters CustomKeyStoreId=cks-... --parameters XksKeyId=...
 */
function cellEncryption(scope: Construct): CellEncryption {
  const storeId = new CfnParameter(scope, 'CustomKeyStoreId', {
    type: 'String',
    description: 'Id of the connected EXTERNAL_KEY_STORE custom key store (cks-...)',
    allowedPattern: '^cks-[a-z0-9]+$',
  });
  const xksKeyId = new CfnParameter(scope, 'XksKeyId', {
    type: 'String',
    description: 'Id of the key in the external key manager',
    minLength: 1,
  });
  return withKey(
    keyInCustomKeyStore(scope, {
      Origin: 'EXTERNAL_KEY_STORE',
      CustomKeyStoreId: storeId.valueAsString,
      XksKeyId: xksKeyId.valueAsString,
    }, []),
  );
}
`,
};

const CUSTOM_KEY_STORE_HELPER = `
/** Creates a KMS key in a custom key store through KMS CreateKey. */
function keyInCustomKeyStore(
  scope: Construct,
  parameters: Record<string, string>,
  extraActions: string[],
): kms.IKey {
  const created = new cr.AwsCustomResource(scope, 'CellKeyInCustomKeyStore', {
    onCreate: {
      service: 'KMS',
      action: 'CreateKey',
      parameters: {
        ...parameters,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Description: \`Data key of cell \${scope.node.id}\`,
      },
      physicalResourceId: cr.PhysicalResourceId.fromResponse('KeyMetadata.KeyId'),
    },
    onDelete: {
      service: 'KMS',
      action: 'ScheduleKeyDeletion',
      parameters: {
        KeyId: new cr.PhysicalResourceIdReference(),
        PendingWindowInDays: 30,
      },
    },
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({
        actions: ['kms:CreateKey', 'kms:ScheduleKeyDeletion', ...extraActions],
        resources: ['*'],
      }),
    ]),
    installLatestAwsSdk: false,
  });
  return kms.Key.fromKeyArn(
    scope,
    'CellKey',
    created.getResponseField('KeyMetadata.Arn'),
  );
}
`;

const WITH_KEY_HELPER = `
/** Encryption settings that use one KMS key for every store. */
function withKey(key: kms.IKey): CellEncryption {
  return {
    key,
    bucket: {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
    },
    table: {
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
    },
    queue: { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key },
  };
}
`;

function stackFile(plan: ApplicationPlanePlan): string {
  const tier = plan.encryptionTier;
  const usesKey = tier !== 'aws-managed-key';
  const customStore = tier === 'cloudhsm' || tier === 'external-key-store';
  const imports = [
    `import {`,
    `  Aws,`,
    ...(customStore ? ['  CfnParameter,'] : []),
    `  Duration,`,
    `  RemovalPolicy,`,
    `  Stack,`,
    `  StackProps,`,
    `  Tags,`,
    `} from 'aws-cdk-lib';`,
    `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';`,
    `import * as iam from 'aws-cdk-lib/aws-iam';`,
    ...(usesKey ? [`import * as kms from 'aws-cdk-lib/aws-kms';`] : []),
    `import * as lambda from 'aws-cdk-lib/aws-lambda';`,
    `import * as s3 from 'aws-cdk-lib/aws-s3';`,
    `import * as sqs from 'aws-cdk-lib/aws-sqs';`,
    ...(customStore
      ? [`import * as cr from 'aws-cdk-lib/custom-resources';`]
      : []),
    `import { Construct } from 'constructs';`,
    `import type { ApplicationPlanePlan, CellPlan } from './plan';`,
  ].join('\n');
  const partitionKey =
    plan.isolationModel === 'silo'
      ? `{ name: 'pk', type: dynamodb.AttributeType.STRING }`
      : `{ name: 'tenantId', type: dynamodb.AttributeType.STRING }`;
  return `// Generated by region-expansion:render-application-plane. Plain AWS CDK v2.
${imports}

interface CellEncryption {
  key?: ${usesKey ? 'kms.IKey' : 'never'};
  bucket: Pick<s3.BucketProps, 'encryption' | 'encryptionKey' | 'bucketKeyEnabled'>;
  table: Pick<dynamodb.TableProps, 'encryption' | 'encryptionKey'>;
  queue: Pick<sqs.QueueProps, 'encryption' | 'encryptionMasterKey'>;
}
${usesKey ? WITH_KEY_HELPER : ''}${customStore ? CUSTOM_KEY_STORE_HELPER : ''}
${ENCRYPTION_CODE[tier]}
/** Properties of {@link CellStack}. */
export interface CellStackProps extends StackProps {
  plan: ApplicationPlanePlan;
  cell: CellPlan;
}

/**
 * One cell of the ${plan.name} application plane in ${plan.region}
 * (partition ${plan.partition}): tenant data in S3 and DynamoDB, work in SQS,
 * a Lambda worker. Isolation: ${plan.isolationModel}; encryption: ${tier}.
 * Every ARN is built with the partition pseudo-parameter; nothing replicates
 * or copies data to another Region.
 */
export class CellStack extends Stack {
  constructor(scope: Construct, id: string, props: CellStackProps) {
    super(scope, id, props);
    const { plan, cell } = props;
    const encryption = cellEncryption(this);

    const bucket = new s3.Bucket(this, 'TenantData', {
      ...encryption.bucket,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const table = new dynamodb.Table(this, 'TenantTable', {
      ...encryption.table,
      partitionKey: ${partitionKey},
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const queue = new sqs.Queue(this, 'WorkQueue', {
      ...encryption.queue,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(60),
    });

    const worker = new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        'exports.handler = async () => ({ statusCode: 200 });',
      ),
      timeout: Duration.seconds(30),
      environmentEncryption: encryption.key,
      environment: {
        CELL_ID: cell.id,
        TABLE_NAME: table.tableName,
        BUCKET_NAME: bucket.bucketName,
        QUEUE_URL: queue.queueUrl,
        CONTROL_PLANE_MODE: plan.controlPlaneMode,
        CONTROL_PLANE_REGION: plan.controlPlaneRegion,
        ISOLATION_MODEL: plan.isolationModel,
      },
    });
    bucket.grantReadWrite(worker);
    table.grantReadWriteData(worker);
    queue.grantConsumeMessages(worker);
    // Partition-aware ARN: the cell's own configuration parameters.
    worker.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter', 'ssm:GetParametersByPath'],
        resources: [
          \`arn:\${Aws.PARTITION}:ssm:\${Aws.REGION}:\${Aws.ACCOUNT_ID}:parameter/\${plan.name}/\${cell.id}/*\`,
        ],
      }),
    );

    Tags.of(this).add('region-expansion:plan', plan.name);
    Tags.of(this).add('region-expansion:cell', cell.id);
    Tags.of(this).add('region-expansion:location', plan.locationId);
    Tags.of(this).add('region-expansion:isolation', plan.isolationModel);
    Tags.of(this).add('region-expansion:encryption', plan.encryptionTier);
  }
}
`;
}

function planFile(plan: ApplicationPlanePlan): string {
  return `// Generated by region-expansion:render-application-plane: the plan this
// application plane was rendered from.

/** One cell. */
export interface CellPlan {
  id: string;
  accountId: string;
  isolation: 'pooled' | 'dedicated';
  tenants: number;
}

/** The Region plan. */
export interface ApplicationPlanePlan {
  name: string;
  partition: string;
  region: string;
  locationId: string;
  residencyCountries: string[];
  controlPlaneMode: 'global' | 'regional' | 'partition';
  controlPlaneRegion: string;
  isolationModel: 'pool' | 'bridge' | 'silo';
  encryptionTier: 'aws-managed-key' | 'customer-managed-kms-key' | 'cloudhsm' | 'external-key-store';
  cells: CellPlan[];
}

export const plan: ApplicationPlanePlan = ${JSON.stringify(plan, null, 2)};
`;
}

const APP_LIB = `// Generated by region-expansion:render-application-plane.
import { App } from 'aws-cdk-lib';
import { CellStack } from './cell-stack';
import { plan as defaultPlan, type ApplicationPlanePlan } from './plan';

/** Adds one stack per cell, each pinned to its account and the plan's Region. */
export function buildApplicationPlane(
  app: App,
  plan: ApplicationPlanePlan = defaultPlan,
): CellStack[] {
  return plan.cells.map(
    cell =>
      new CellStack(app, cell.id, {
        env: { account: cell.accountId, region: plan.region },
        plan,
        cell,
        description: \`Cell \${cell.id} of \${plan.name} in \${plan.locationId}\`,
      }),
  );
}
`;

const BIN = `#!/usr/bin/env node
// Generated by region-expansion:render-application-plane.
import { App } from 'aws-cdk-lib';
import { buildApplicationPlane } from '../lib/app';

const app = new App();
buildApplicationPlane(app);
app.synth();
`;

function readme(plan: ApplicationPlanePlan): string {
  const tierNote: Record<EncryptionTier, string> = {
    'aws-managed-key':
      'AWS managed keys (S3 SSE-KMS with aws/s3, DynamoDB and SQS AWS managed keys); no key to administer.',
    'customer-managed-kms-key':
      'one customer managed KMS key per cell with yearly rotation, used by S3, DynamoDB, SQS and Lambda.',
    cloudhsm:
      'a KMS key in a CloudHSM custom key store per cell. Deploy with `--parameters CustomKeyStoreId=cks-...` (the store must be connected).',
    'external-key-store':
      'a KMS key in an external key store (XKS) per cell. Deploy with `--parameters CustomKeyStoreId=cks-... --parameters XksKeyId=...`.',
  };
  return `# ${plan.name}: Regional application plane in ${plan.locationId}

Generated by the Backstage template "New Regional application plane".

| | |
|---|---|
| partition | \`${plan.partition}\` |
| Region | \`${plan.region}\` (location \`${plan.locationId}\`) |
| control plane | ${plan.controlPlaneMode}, in \`${plan.controlPlaneRegion}\` |
| tenant isolation | ${plan.isolationModel} |
| encryption | ${plan.encryptionTier}: ${tierNote[plan.encryptionTier]} |
| cells | ${plan.cells
    .map(c => `\`${c.id}\` (account ${c.accountId})`)
    .join(', ')} |
| residency | ${
    plan.residencyCountries.length
      ? plan.residencyCountries.join(', ')
      : 'not stated'
  } |

Each cell is one stack (\`lib/cell-stack.ts\`): an S3 bucket, a DynamoDB table
with point-in-time recovery, an SQS queue and a Lambda worker. ARNs use the
partition pseudo-parameter (\`Aws.PARTITION\`), never \`arn:aws:\`. Nothing
replicates or copies data out of ${plan.region}: no S3 replication, no global
tables, no cross-Region backup copies.

\`\`\`sh
npm install
npx cdk synth
npx cdk deploy --all   # with credentials of partition ${plan.partition}
\`\`\`
`;
}

/**
 * Renders the AWS CDK TypeScript application of a Regional application plane
 * as file contents keyed by relative path: \`bin/app.ts\`, \`lib/app.ts\`,
 * \`lib/cell-stack.ts\`, \`lib/plan.ts\`, \`package.json\`, \`cdk.json\`,
 * \`tsconfig.json\` and \`README.md\`. The stack code carries only the chosen
 * encryption tier. Pure.
 *
 * @public
 */
export function renderApplicationPlane(
  plan: ApplicationPlanePlan,
): Record<string, string> {
  const packageJson = {
    name: plan.name,
    version: '0.1.0',
    private: true,
    bin: { app: 'bin/app.js' },
    scripts: { build: 'tsc', synth: 'cdk synth', deploy: 'cdk deploy --all' },
    dependencies: {
      'aws-cdk-lib': GENERATED_CDK_VERSION,
      constructs: '^10.4.2',
    },
    devDependencies: {
      '@types/node': '^22.0.0',
      'aws-cdk': '^2.1000.0',
      'ts-node': '^10.9.2',
      typescript: '~5.8.0',
    },
  };
  const cdkJson = {
    app: 'npx ts-node --prefer-ts-exts bin/app.ts',
    context: {
      'region-expansion:partition': plan.partition,
      'region-expansion:region': plan.region,
    },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      lib: ['es2022'],
      strict: true,
      declaration: false,
      esModuleInterop: true,
      skipLibCheck: true,
      outDir: 'dist',
    },
    include: ['bin', 'lib'],
  };
  return {
    'bin/app.ts': BIN,
    'lib/app.ts': APP_LIB,
    'lib/cell-stack.ts': stackFile(plan),
    'lib/plan.ts': planFile(plan),
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'cdk.json': `${JSON.stringify(cdkJson, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    'README.md': readme(plan),
  };
}
