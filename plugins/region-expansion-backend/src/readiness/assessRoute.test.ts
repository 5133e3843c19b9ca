import { mockCredentials } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import request from 'supertest';
import {
  assessOn,
  startReadinessBackend,
  TEMPLATE_YAML,
} from '../__testUtils__/readiness';
import { API, as } from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

const ADMIN = as('platform-admin');

/**
 * POST /readiness/:locationId/assess judging uploaded files over the demo
 * estate: what it finds, that it stores nothing, and how it refuses bad
 * input. Its bounds (sizes, work, concurrency) are in assessBounds.test.ts.
 */
describe('POST /readiness/:locationId/assess', () => {
  let server: Awaited<ReturnType<typeof startReadinessBackend>>;
  let assess: ReturnType<typeof assessOn>;
  beforeAll(async () => {
    server = await startReadinessBackend();
    assess = assessOn(server);
  });

  it('judges a template like a stored evaluation, naming gaps with remediation, and stores nothing', async () => {
    const before = await request(server)
      .get(`${API}/readiness/ap-east-1/history`)
      .set('Authorization', ADMIN);
    const tempBefore = fs
      .readdirSync(os.tmpdir())
      .filter(name => name.startsWith('region-expansion-assess-'));

    const res = await assess('ap-east-1', {
      fileName: 'stack.yaml',
      content: TEMPLATE_YAML,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        locationId: 'ap-east-1',
        partition: 'aws',
        fileName: 'stack.yaml',
        kind: 'cloudformation',
      }),
    );
    expect(res.body.footprint.services.map((s: any) => s.code)).toEqual([
      'bedrock',
      's3',
    ]);
    expect(res.body.availabilityGaps).toEqual([
      expect.objectContaining({
        check: 'availability',
        service: 'bedrock',
        remediation: expect.stringMatching(/^replace bedrock/),
      }),
    ]);
    expect(res.body.evaluation.level).toBe('blocked');
    expect(res.body.evaluation.blockers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          check: 'availability',
          service: 'bedrock',
        }),
      ]),
    );
    // The file's own paths name the upload, never the temporary folder.
    for (const item of [
      ...res.body.footprint.crossRegion,
      ...res.body.footprint.unknown,
    ]) {
      expect(item.file).toBe('stack.yaml');
    }
    expect(JSON.stringify(res.body)).not.toContain(os.tmpdir());

    const after = await request(server)
      .get(`${API}/readiness/ap-east-1/history`)
      .set('Authorization', ADMIN);
    expect(after.body.totalCount).toBe(before.body.totalCount);
    expect(
      fs
        .readdirSync(os.tmpdir())
        .filter(name => name.startsWith('region-expansion-assess-')),
    ).toEqual(tempBefore);
  });

  it('names residency and partition blockers with remediation', async () => {
    const sovereign = await assess('eusc-de-east-1', {
      fileName: 'stack.yaml',
      content: TEMPLATE_YAML,
    });
    expect(sovereign.status).toBe(200);
    expect(sovereign.body.sovereigntyBlockers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          check: 'sovereignty',
          detail: expect.stringMatching(
            /hardcoded-partition.*stack\.yaml Resources\.Agent/,
          ),
          remediation: expect.stringContaining('AWS::Partition'),
        }),
      ]),
    );
    expect(sovereign.body.evaluation.level).toBe('blocked');

    const required = await assess('eu-west-1', {
      fileName: 'stack.yaml',
      content: TEMPLATE_YAML,
      residency: { countries: ['de'] },
      classification: 'restricted',
    });
    expect(required.status).toBe(200);
    expect(required.body.sovereigntyBlockers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          detail: expect.stringContaining('residency-requirement'),
          remediation: expect.stringMatching(/residency requirement/),
        }),
      ]),
    );
  });

  it('reads a Terraform plan and a gzipped CloudTrail file sent as base64', async () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_dynamodb_table.t',
              mode: 'managed',
              type: 'aws_dynamodb_table',
              name: 't',
              provider_name: 'registry.terraform.io/hashicorp/aws',
              values: {},
            },
          ],
        },
      },
    };
    const terraform = await assess('eu-west-1', {
      fileName: 'plan.json',
      content: JSON.stringify(plan),
    });
    expect(terraform.status).toBe(200);
    expect(terraform.body.kind).toBe('terraform-plan');
    expect(terraform.body.footprint.services.map((s: any) => s.code)).toEqual([
      'dynamodb',
    ]);

    const trail = zlib.gzipSync(
      JSON.stringify({
        Records: [
          {
            eventVersion: '1.08',
            eventType: 'AwsApiCall',
            eventSource: 'sqs.amazonaws.com',
            eventName: 'SendMessage',
            awsRegion: 'eu-west-1',
            recipientAccountId: '111122223333',
          },
        ],
      }),
    );
    const cloudTrail = await assess('eu-west-1', {
      fileName: '111122223333_CloudTrail_eu-west-1_x.json.gz',
      content: trail.toString('base64'),
      encoding: 'base64',
    });
    expect(cloudTrail.status).toBe(200);
    expect(cloudTrail.body.kind).toBe('cloudtrail');
    expect(cloudTrail.body.footprint.services).toEqual([
      { code: 'sqs', sources: ['cloudtrail'], actions: ['SendMessage'] },
    ]);
    expect(cloudTrail.body.footprint.cloudTrail.apiCalls).toBe(1);
  });

  it.each([
    [
      { fileName: 'stack.yaml', content: 'Resources:\n  A: [\n' },
      /^content: stack\.yaml: line \d+: malformed YAML/,
    ],
    [
      { fileName: 'k8s.yaml', content: 'apiVersion: v1\nkind: Pod\n' },
      /^content: k8s\.yaml: field Resources: not a CloudFormation template/,
    ],
    [
      {
        fileName: 'stack.json',
        content: '{"Resources": {"A": {"Properties": {}}}}',
      },
      /^content: stack\.json: field Resources\.A\.Type: resource has no Type string/,
    ],
    [
      { fileName: 'manifest.json', content: '{"artifacts": {}}' },
      /^content: manifest\.json: a CDK cloud assembly manifest/,
    ],
    [
      { fileName: 'notes.txt', content: 'hello' },
      /^content: notes\.txt: cannot tell the kind of input/,
    ],
    [
      { fileName: '../etc/stack.yaml', content: TEMPLATE_YAML },
      /^fileName: must be a file name without a folder/,
    ],
    [
      { fileName: 'a.json.gz', content: 'not base64!', encoding: 'base64' },
      /^content: must be base64 text when encoding is base64/,
    ],
    [{ fileName: 'stack.yaml', content: '' }, /^content: must not be empty/],
    [
      {
        fileName: 'stack.yaml',
        content: TEMPLATE_YAML,
        classification: 'secret',
      },
      /^classification: must be one of public, internal, confidential, restricted/,
    ],
    [
      { fileName: 'stack.yaml', content: TEMPLATE_YAML, extra: 1 },
      /extra: is not a known field/,
    ],
  ])(
    'rejects bad input with a 400 naming the field (%#)',
    async (body, message) => {
      const res = await assess('eu-west-1', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).not.toContain(os.tmpdir());
    },
  );

  it('answers 404 for an unknown location and 413 naming content over the body limit', async () => {
    const unknown = await assess('xx-nowhere-1', {
      fileName: 'stack.yaml',
      content: TEMPLATE_YAML,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/'xx-nowhere-1' does not exist/);

    const huge = await assess('eu-west-1', {
      fileName: 'stack.json',
      content: 'x'.repeat(11 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(
      /^content: the request is over the 10mb body limit/,
    );
  });

  it('refuses anonymous callers before reading the body', async () => {
    const res = await assess(
      'eu-west-1',
      { fileName: 'stack.json', content: 'x'.repeat(11 * 1024 * 1024) },
      mockCredentials.none.header(),
    );
    expect(res.status).toBe(401);
  });
});
