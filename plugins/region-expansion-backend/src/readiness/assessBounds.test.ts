import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import zlib from 'node:zlib';
import { assessOn } from '../__testUtils__/readiness';
import { API, as, startWithRoles } from '../__testUtils__/rolePolicy';
import {
  aliasedTemplate,
  madeUpActionsPolicy,
} from '@region-expansion/plugin-region-expansion-node/testUtils';
import { footprintOfUpload } from './uploadedFootprint';

jest.setTimeout(120_000);

/**
 * The bounds of POST /readiness/:locationId/assess: what one small upload
 * may cost (YAML aliases, findings, inflated size) and how many run at once.
 */
const ENGINEER = as('engineer');

const MIB = 1024 * 1024;

/**
 * One MiB of JSON whitespace: the first `noise` bytes drawn from the four
 * whitespace characters by a seeded generator (about two bits each after
 * compression, so they set the ratio), the rest spaces.
 */
function whitespace(noise: number): Buffer {
  const block = Buffer.alloc(MIB, ' ');
  const chars = Buffer.from(' \t\n\r', 'latin1');
  let seed = 0x2545f491;
  for (let i = 0; i < noise; i++) {
    // xorshift32: the same bytes on every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    block[i] = chars[(seed >>> 0) % 4];
  }
  return block;
}

/**
 * A gzipped CloudTrail file of about `inflated` bytes (valid JSON: the
 * padding is `block`, whitespace), as gzip members one after another so that
 * making it costs one MiB of compression, not `inflated` bytes of it.
 */
function trailPaddedWith(block: Buffer, inflated: number): Buffer {
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
  const members = [zlib.gzipSync(head.slice(0, -2))];
  const padding = zlib.gzipSync(block, { level: 9 });
  for (let left = inflated - head.length; left > 0; left -= MIB) {
    members.push(
      left >= MIB ? padding : zlib.gzipSync(block.subarray(0, left)),
    );
  }
  members.push(zlib.gzipSync(head.slice(-2)));
  return Buffer.concat(members);
}

/** Spaces only: over a thousand to one, a gzip bomb by its ratio. */
const bombTrail = (inflated: number) =>
  trailPaddedWith(Buffer.alloc(MIB, ' '), inflated);

/** The reader's bound: past it a gzip is a bomb, whatever its size. */
const MAX_RATIO = 200;

/**
 * About 40:1, well under the reader's 200:1 bomb bound (real logs compress
 * about 10:1), so only the size cap can stop it.
 */
function lowRatioTrail(inflated: number): Buffer {
  const trail = trailPaddedWith(whitespace(80 * 1024), inflated);
  expect(inflated / trail.length).toBeLessThan(MAX_RATIO / 2);
  return trail;
}

/** The upload of a gzipped CloudTrail file, as base64. */
const trailUpload = (gzip: Buffer) => ({
  fileName: 'trail.json.gz',
  content: gzip.toString('base64'),
  encoding: 'base64',
});

describe('footprintOfUpload work bound', () => {
  it('reads the 12 KB template with 2,000 aliases of 200 ARNs within a few visits per distinct value, not per alias expansion', async () => {
    // Walking each alias's expansion would visit 2,000 × 200 = 400,000
    // strings; walking the shared anchor once visits the template's own
    // 2,200 values, once per reader.
    const distinctValues = 200 + 2000;
    const upload = {
      fileName: 'stack.yaml',
      content: Buffer.from(aliasedTemplate(200, 2000)),
    };
    const { footprint } = await footprintOfUpload(upload, {
      limits: { maxNodes: 5 * distinctValues },
    });
    expect(footprint.services.map(s => s.code)).toEqual(['s3']);
    await expect(
      footprintOfUpload(upload, { limits: { maxNodes: distinctValues } }),
    ).rejects.toThrow(
      /^content: stack\.yaml: more than 2200 values to read \(bound of one footprint\)/,
    );
  });
});

describe('POST /readiness/:locationId/assess bounds (default config)', () => {
  let server: http.Server;
  let assess: ReturnType<typeof assessOn>;
  beforeAll(async () => {
    server = await startWithRoles({});
    assess = assessOn(server);
  });

  it('answers a 12 KB template with 2,000 aliases of 200 ARNs with one folded finding, each ARN counted once', async () => {
    const content = aliasedTemplate(200, 2000);
    expect(content.length).toBeLessThan(13 * 1024);
    const res = await assess('eu-west-1', { fileName: 'stack.yaml', content });
    expect(res.status).toBe(200);
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
        content: madeUpActionsPolicy(10_001),
      },
      /^content: policy\.json: more than 10000 distinct findings \(bound of one footprint\)/,
    ],
  ])('refuses %s with a 400 naming content', async (_name, body, message) => {
    const res = await assess('eu-west-1', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).not.toContain(os.tmpdir());
  });

  it('stops inflating a .json.gz past the default 64 MiB and answers 400 naming content and the limit', async () => {
    const res = await assess(
      'eu-west-1',
      trailUpload(lowRatioTrail(100 * MIB)),
    );
    // Status and error together, so a failure shows what came instead.
    expect({ status: res.status, error: res.body.error }).toMatchObject({
      status: 400,
      error: {
        message: expect.stringMatching(
          /^content: trail\.json\.gz: decompressed size exceeds the 67108864-byte limit/,
        ),
      },
    });
  });

  it('reads a .json.gz of over 5 MB sent as base64, inside the 10 MB body limit', async () => {
    // Every byte drawn at random from four whitespace characters: about
    // 4:1, so 24 MiB inflated is a gzip of over 5 MB, 7 million base64
    // characters (the content check once overflowed its stack on these).
    const trail = trailPaddedWith(whitespace(MIB), 24 * MIB);
    expect(trail.length).toBeGreaterThan(5_000_000);
    const res = await assess('eu-west-1', trailUpload(trail));
    expect({ status: res.status, error: res.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(
      res.body.footprint.services.map((s: { code: string }) => s.code),
    ).toEqual(['sqs']);
  });

  it('refuses a small .json.gz bomb by its compression ratio after the first MiB, long before the size cap', async () => {
    const bomb = bombTrail(100 * MIB);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await assess('eu-west-1', trailUpload(bomb));
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    expect(message).toMatch(
      /^content: trail\.json\.gz: compression ratio over 200:1 after \d+ decompressed bytes from \d+ compressed \(a gzip bomb, not a CloudTrail log file\)$/,
    );
    const stoppedAt = Number(/after (\d+) decompressed/.exec(message)![1]);
    expect(stoppedAt).toBeLessThanOrEqual(2 * MIB);
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
    const small = await assess(
      'eu-west-1',
      trailUpload(lowRatioTrail(512 * 1024)),
    );
    expect(small.status).toBe(200);
    expect(small.body.footprint.services).toEqual([
      { code: 'sqs', sources: ['cloudtrail'], actions: ['SendMessage'] },
    ]);
    const big = await assess('eu-west-1', trailUpload(lowRatioTrail(2 * MIB)));
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

    const refused = await assess('eu-west-1', {
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

    const after = await assess('eu-west-1', {
      fileName: 'other.yaml',
      content: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n',
    });
    expect(after.status).toBe(200);
  });
});
