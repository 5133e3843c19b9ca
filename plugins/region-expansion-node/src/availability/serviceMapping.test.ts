/* eslint-disable jest/no-standalone-expect -- some tests are registered through itIfReferenceData, which skips them when the reference data is absent */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceMapping } from './serviceMapping';
import { AvailabilityIndex } from './AvailabilityIndex';
import {
  itIfReferenceData,
  readReferenceJson,
} from '../__testUtils__/referenceData';

const REPO_DATA = path.resolve(__dirname, '../data');

describe('service mapping table', () => {
  const mapping = ServiceMapping.default();

  it('covers at least 60 services with unique codes', () => {
    const codes = mapping.entries().map(e => e.code);
    expect(codes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    'endpointPrefixes',
    'cloudFormation',
    'terraform',
    'eventSources',
    'iamPrefixes',
  ] as const)('maps each %s value to exactly one service', key => {
    const values = mapping.entries().flatMap(e => e[key]);
    expect(values.length - new Set(values).size).toBe(0);
  });

  itIfReferenceData('endpoints.json')(
    'names only endpoint prefixes that exist in endpoints.json',
    () => {
      const endpoints = readReferenceJson('endpoints.json');
      const known = new Set<string>(
        endpoints.partitions.flatMap((p: { services: object }) =>
          Object.keys(p.services),
        ),
      );
      const missing = mapping
        .entries()
        .flatMap(e => e.endpointPrefixes)
        .filter(prefix => !known.has(prefix));
      expect(missing).toEqual([]);
    },
  );

  it.each([
    ['AWS::S3::Bucket', 's3'],
    ['AWS::Cognito::IdentityPool', 'cognito-identity'],
    ['AWS::Cognito::UserPool', 'cognito-idp'],
    ['AWS::Serverless::Function', 'lambda'],
    ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'elb'],
    ['AWS::StepFunctions::StateMachine', 'stepfunctions'],
  ])('CloudFormation type %s maps to %s', (type, code) => {
    expect(mapping.byCloudFormationType(type)?.code).toBe(code);
  });

  it.each([
    ['aws_s3_bucket', 's3'],
    ['aws_lb', 'elb'],
    ['aws_lb_listener', 'elb'],
    ['aws_route53_zone', 'route53'],
    ['aws_route53_resolver_endpoint', 'route53resolver'],
    ['aws_route_table', 'ec2'],
    ['aws_cloudwatch_log_group', 'logs'],
    ['aws_cloudwatch_event_rule', 'events'],
    ['aws_cloudwatch_metric_alarm', 'cloudwatch'],
    ['aws_kinesis_firehose_delivery_stream', 'firehose'],
    ['aws_cognito_identity_pool', 'cognito-identity'],
    ['aws_cognito_user_pool', 'cognito-idp'],
  ])('Terraform type %s maps to %s', (type, code) => {
    expect(mapping.byTerraformType(type)?.code).toBe(code);
  });

  it.each([
    ['aws_lambdax_thing', undefined],
    ['google_storage_bucket', undefined],
  ])('Terraform type %s is not mapped', (type, code) => {
    expect(mapping.byTerraformType(type)?.code).toBe(code);
  });

  it.each([
    ['monitoring.amazonaws.com', 'cloudwatch'],
    ['states.amazonaws.com', 'stepfunctions'],
    ['kafka.amazonaws.com', 'msk'],
  ])('eventSource %s maps to %s', (source, code) => {
    expect(mapping.byEventSource(source)?.code).toBe(code);
  });

  it('marks the global services', () => {
    const global = mapping
      .entries()
      .filter(e => e.global)
      .map(e => e.code);
    expect(global).toEqual(
      expect.arrayContaining([
        'iam',
        'route53',
        'cloudfront',
        'organizations',
        'waf',
      ]),
    );
    expect(global).not.toContain('s3');
  });
});

describe('bundled availability snapshot', () => {
  const index = AvailabilityIndex.fromSnapshot();

  it('is dated and names its source', () => {
    expect(index.snapshotDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(index.source).toContain('botocore');
  });

  itIfReferenceData('endpoints.json')(
    'is what the derive script produces from the source data',
    () => {
      const endpointsDoc = readReferenceJson('endpoints.json');
      // eslint-disable-next-line @backstage/no-relative-monorepo-imports
      const {
        deriveSnapshot,
      } = require('../../scripts/derive-availability-snapshot.js');
      const derived = deriveSnapshot({
        partitionsDoc: readReferenceJson('partitions.json'),
        endpointsDoc,
        mapping: JSON.parse(
          fs.readFileSync(path.join(REPO_DATA, 'service-mapping.json'), 'utf8'),
        ),
        date: index.snapshotDate,
        source: index.source,
      });
      expect(derived).toEqual(index.toSnapshot());
    },
  );

  it('gives eusc-de-east-1 a plausible subset of a commercial Region', () => {
    const eusc = index.servicesIn('eusc-de-east-1');
    const frankfurt = new Set(index.servicesIn('eu-central-1'));
    expect(index.partitionOf('eusc-de-east-1')).toBe('aws-eusc');
    expect(eusc).toEqual(
      expect.arrayContaining([
        's3',
        'kms',
        'lambda',
        'dynamodb',
        'ec2',
        'iam',
        'sts',
      ]),
    );
    expect(eusc.length).toBeLessThan(frankfurt.size);
    expect(eusc.filter(code => !frankfurt.has(code))).toEqual([]);
    expect(index.has('cloudfront', 'eusc-de-east-1')).toBe(false);
    expect(index.has('organizations', 'eusc-de-east-1')).toBe(false);
  });

  it.each([
    ['iam', 'eu-west-2', true],
    ['cloudfront', 'eu-west-2', true],
    ['stepfunctions', 'eu-west-2', true],
    ['bedrock', 'cn-north-1', false],
    ['cloudfront', 'us-gov-west-1', false],
  ])('has(%s, %s) is %s', (code, location, expected) => {
    expect(index.has(code, location)).toBe(expected);
  });

  it('rejects an unknown location by name', () => {
    expect(() => index.servicesIn('mars-north-1')).toThrow(
      /unknown location 'mars-north-1'/i,
    );
  });
});
