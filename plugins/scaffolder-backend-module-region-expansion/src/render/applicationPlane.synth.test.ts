import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { EncryptionTier } from '@region-expansion/plugin-region-expansion-common';
import {
  applicationPlanePlan,
  AvailabilityIndex,
  buildFootprint,
} from '@region-expansion/plugin-region-expansion-node';
import { renderApplicationPlane } from './applicationPlane';

jest.setTimeout(180_000);

const REPO_NODE_MODULES = path.resolve(__dirname, '../../../../node_modules');

/** Writes the generated app to a temp folder that resolves aws-cdk-lib from the repo. */
function writeApp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 're-cdk-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.symlinkSync(REPO_NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Turns Fn::Join pieces into one string with `${Ref}` placeholders. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (v['Fn::Join'])
      return (v['Fn::Join'][1] as unknown[])
        .map(flatten)
        .join(v['Fn::Join'][0]);
    if (v.Ref) return `\${${v.Ref}}`;
  }
  return `<${JSON.stringify(value)}>`;
}

const dirs: string[] = [];
afterAll(() =>
  dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })),
);

function synth(
  target: string,
  encryptionTier: EncryptionTier,
  isolationModel: 'pool' | 'silo' = 'pool',
) {
  const plan = applicationPlanePlan({
    name: 'acme',
    targetLocation: target,
    controlPlaneMode: target.startsWith('eusc') ? 'partition' : 'regional',
    isolationModel,
    encryptionTier,
    residencyCountries: ['DE'],
    cells: [
      {
        id: 'acme-cell-01',
        accountId: '111122223333',
        isolation: isolationModel === 'silo' ? 'dedicated' : 'pooled',
        locationId: target,
        capacity: { tenants: isolationModel === 'silo' ? 1 : 50 },
      },
    ],
  });
  const dir = writeApp(renderApplicationPlane(plan));
  dirs.push(dir);
  // jest transforms the generated TypeScript on require
  const { buildApplicationPlane } = require(path.join(dir, 'lib/app.ts'));
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  const [stack] = buildApplicationPlane(app);
  const template = Template.fromStack(stack);
  return { template, json: template.toJSON(), dir, plan };
}

function customKeyCall(json: any) {
  const resources = Object.values(json.Resources) as any[];
  const custom = resources.filter(r => r.Type === 'Custom::AWS');
  expect(custom).toHaveLength(1);
  return JSON.parse(flatten(custom[0].Properties.Create));
}

describe('generated CDK application', () => {
  it.each([
    ['eu-central-1', 'aws-managed-key'],
    ['eu-central-1', 'customer-managed-kms-key'],
    ['eu-central-1', 'cloudhsm'],
    ['eusc-de-east-1', 'external-key-store'],
    ['eusc-de-east-1', 'customer-managed-kms-key'],
  ] as const)(
    '%s with %s: partition-aware, in-Region, footprint available',
    async (target, tier) => {
      const { json, dir } = synth(target, tier);
      const text = JSON.stringify(json);
      expect(text).not.toMatch(/arn:aws:/);
      expect(text).toContain('AWS::Partition');
      // no data path out of the Region
      expect(text).not.toMatch(
        /ReplicationConfiguration|"Replicas"|CopyActions|AWS::DynamoDB::GlobalTable/,
      );
      for (const region of text.match(/\b[a-z]{2,4}(-[a-z]+)+-\d\b/g) ?? []) {
        expect(region).toBe(target);
      }
      // the assessment library on the synthesized template
      const file = path.join(dir, 'synth.template.json');
      fs.writeFileSync(file, text);
      const footprint = await buildFootprint([file]);
      const codes = footprint.services.map(s => s.code).sort();
      expect(codes).toEqual(
        expect.arrayContaining(['dynamodb', 'lambda', 's3', 'sqs']),
      );
      const availability = AvailabilityIndex.fromSnapshot();
      expect(codes.filter(c => !availability.has(c, target))).toEqual([]);
    },
  );

  it('aws-managed-key: SSE-KMS under the AWS managed key, no customer key', () => {
    const { template } = synth('eu-central-1', 'aws-managed-key');
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('Custom::AWS', 0);
    const bucket = Object.values(
      template.findResources('AWS::S3::Bucket'),
    )[0] as any;
    const sse =
      bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]
        .ServerSideEncryptionByDefault;
    expect(sse.SSEAlgorithm).toBe('aws:kms');
    expect(sse.KMSMasterKeyID).toBeUndefined();
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('customer-managed-kms-key: one rotated key used by S3, DynamoDB and SQS', () => {
    const { template } = synth('eu-central-1', 'customer-managed-kms-key');
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
    });
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    const bucket = Object.values(
      template.findResources('AWS::S3::Bucket'),
    )[0] as any;
    expect(
      bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]
        .ServerSideEncryptionByDefault.KMSMasterKeyID,
    ).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });

  it('cloudhsm: key created in the AWS_CLOUDHSM custom key store given at deploy time', () => {
    const { template, json } = synth('eu-central-1', 'cloudhsm');
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasParameter('CustomKeyStoreId', { Type: 'String' });
    const call = customKeyCall(json);
    expect(call.action).toBe('CreateKey');
    expect(call.parameters).toMatchObject({
      Origin: 'AWS_CLOUDHSM',
      CustomKeyStoreId: '${CustomKeyStoreId}',
    });
  });

  it('external-key-store: key with Origin EXTERNAL_KEY_STORE, custom key store id and XKS key id', () => {
    const { template, json } = synth('eusc-de-east-1', 'external-key-store');
    template.hasParameter('CustomKeyStoreId', { Type: 'String' });
    template.hasParameter('XksKeyId', { Type: 'String' });
    const call = customKeyCall(json);
    expect(call.parameters).toMatchObject({
      Origin: 'EXTERNAL_KEY_STORE',
      CustomKeyStoreId: '${CustomKeyStoreId}',
      XksKeyId: '${XksKeyId}',
    });
    const bucket = Object.values(
      template.findResources('AWS::S3::Bucket'),
    )[0] as any;
    expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain(
      'CellKeyInCustomKeyStore',
    );
  });

  it('silo isolation keys the table per cell, pool by tenant', () => {
    synth(
      'eu-central-1',
      'aws-managed-key',
      'silo',
    ).template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    synth(
      'eu-central-1',
      'aws-managed-key',
      'pool',
    ).template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'tenantId', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });
});
