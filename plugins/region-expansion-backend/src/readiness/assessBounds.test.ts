import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import zlib from 'node:zlib';
import request from 'supertest';
import { API, as, startWithRoles } from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

/**
 * The bounds of POST /readiness/:locationId/assess: what one small upload
 * may cost (YAML aliases, findings, inflated size) and how many run at once.
 */
const ENGINEER = as('engineer');

const assessOn =
  (server: http.Server) =>
  (body: object, locationId = 'eu-west-1') =>
    request(server)
      .post(`${API}/readiness/${locationId}/assess`)
      .set('Authorization', ENGINEER)
      .send(body);

/** The upload of the report: one anchor of 200 ARNs, aliased 2,000 times. */
function aliasedTemplate(strings: number, aliases: number): string {
  const arns = Array.from(
    { length: strings },
    (_, i) => `"arn:aws:s3:::b${i}"`,
  ).join(',');
  return [
    'Metadata:',
    `  Arns: &a [${arns}]`,
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      Tags: [${Array(aliases).fill('*a').join(', ')}]`,
    '',
  ].join('\n');
}

/**
 * A gzipped CloudTrail file of about `inflated` bytes (valid JSON: the
 * padding is whitespace), as gzip members one after another so that making
 * it costs one MiB of compression, not `inflated` bytes of it.
 */
function paddedTrail(inflated: number): Buffer {
  const head = JSON.stringify({
    Records: [
      {
        eventType: 'AwsApiCall',
        eventSource: 'sqs.amazonaws.com',
        eventName: 'SendMessage',
        awsRegion: 'eu-west-1',
        recipientAccountId: '111122223333',
      },
    ],
  });
  const mib = 1024 * 1024;
  const members = [zlib.gzipSync(head.slice(0, -2))];
  const padding = zlib.gzipSync(Buffer.alloc(mib, ' '), { level: 9 });
  for (let left = inflated - head.length; left > 0; left -= mib) {
    members.push(
      left >= mib ? padding : zlib.gzipSync(Buffer.alloc(left, ' ')),
    );
  }
  members.push(zlib.gzipSync(head.slice(-2)));
  return Buffer.concat(members);
}

describe('POST /readiness/:locationId/assess bounds (default config)', () => {
  let server: http.Server;
  let assess: ReturnType<typeof assessOn>;
  beforeAll(async () => {
    server = await startWithRoles({});
    assess = assessOn(server);
  });

  it('answers a 12 KB template with 2,000 aliases of 200 ARNs quickly, with one folded finding', async () => {
    const content = aliasedTemplate(200, 2000);
    expect(content.length).toBeLessThan(13 * 1024);
    const started = Date.now();
    const res = await assess({ fileName: 'stack.yaml', content });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.text.length).toBeLessThan(100_000);
    const hardcoded = res.body.footprint.crossRegion.filter(
      (d: { kind: string }) => d.kind === 'hardcoded-partition',
    );
    expect(hardcoded).toEqual([
      expect.objectContaining({
        file: 'stack.yaml',
        occurrences: 200,
        paths: expect.any(Array),
      }),
    ]);
    expect(hardcoded[0].paths).toHaveLength(10);
  });

  it.each([
    [
      'an alias-count overflow',
      { fileName: 'bomb.yaml', content: aliasedTemplate(1, 10_001) },
      /^content: bomb\.yaml: too many YAML alias expansions \(over 10000\)/,
    ],
    [
      'more distinct findings than a footprint holds',
      {
        fileName: 'policy.json',
        content: JSON.stringify({
          Resources: {
            Role: {
              Type: 'AWS::IAM::Role',
              Properties: {
                Policies: [
                  {
                    PolicyName: 'p',
                    PolicyDocument: {
                      Statement: [
                        {
                          Effect: 'Allow',
                          Action: Array.from(
                            { length: 10_001 },
                            (_, i) => `made${i}:Up`,
                          ),
                        },
                      ],
                    },
                  },
                ],
              },
            },
          },
        }),
      },
      /^content: policy\.json: more than 10000 distinct findings \(bound of one footprint\)/,
    ],
  ])('refuses %s with a 400 naming content', async (_name, body, message) => {
    const res = await assess(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).not.toContain(os.tmpdir());
  });

  it('stops inflating a small .json.gz past the default 64 MiB and answers 400 naming content and the limit', async () => {
    const bomb = paddedTrail(100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    const res = await assess({
      fileName: 'trail.json.gz',
      content: bomb.toString('base64'),
      encoding: 'base64',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^content: trail\.json\.gz: decompressed size exceeds the 67108864-byte limit/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('POST /readiness/:locationId/assess bounds (configured)', () => {
  let server: http.Server;
  let assess: ReturnType<typeof assessOn>;
  beforeAll(async () => {
    server = await startWithRoles({
      assess: { maxInflatedSize: '1mb', maxConcurrent: 1 },
    });
    assess = assessOn(server);
  });

  it('caps the inflated size at regionExpansion.assess.maxInflatedSize', async () => {
    const small = await assess({
      fileName: 'trail.json.gz',
      content: paddedTrail(512 * 1024).toString('base64'),
      encoding: 'base64',
    });
    expect(small.status).toBe(200);
    expect(small.body.footprint.services).toEqual([
      { code: 'sqs', sources: ['cloudtrail'], actions: ['SendMessage'] },
    ]);
    const big = await assess({
      fileName: 'trail.json.gz',
      content: paddedTrail(2 * 1024 * 1024).toString('base64'),
      encoding: 'base64',
    });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(
      /^content: trail\.json\.gz: decompressed size exceeds the 1048576-byte limit/,
    );
  });

  it('answers 429 with Retry-After past regionExpansion.assess.maxConcurrent, before reading the body, and frees the slot after', async () => {
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({
      fileName: 'stack.yaml',
      content: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n',
    });
    // The first upload holds the only slot while its body is still coming.
    let answerFirst!: (value: { status?: number; body: string }) => void;
    const first = new Promise<{ status?: number; body: string }>(resolve => {
      answerFirst = resolve;
    });
    const slow = http.request(
      {
        port,
        method: 'POST',
        path: `${API}/readiness/eu-west-1/assess`,
        headers: {
          Authorization: ENGINEER,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => {
          text += chunk;
        });
        res.on('end', () =>
          answerFirst({ status: res.statusCode, body: text }),
        );
      },
    );
    slow.write(body.slice(0, 10));
    // Let the first request reach the route and take the slot.
    await new Promise(resolve => setTimeout(resolve, 300));

    const refused = await assess({
      fileName: 'other.yaml',
      content: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n',
    });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.error.message).toMatch(
      /too many assessments at once: at most 1 run at a time/,
    );

    slow.end(body.slice(10));
    const done = await first;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body).footprint.services).toEqual([
      { code: 'sqs', sources: ['iac'], actions: [] },
    ]);

    const after = await assess({
      fileName: 'other.yaml',
      content: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n',
    });
    expect(after.status).toBe(200);
  });
});
