import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import {
  cloudTrailRecord,
  tmpDir,
  writeCloudTrail,
} from '../footprint/__testUtils__/fixtures';
import { cloudTrailGzip } from '../testUtils';
import { scanCloudTrail } from './scanCloudTrail';

/** What the scan counts of `eventName` API calls to `eventSource`. */
const apiCall = (eventSource: string, eventName: string, count = 1) => ({
  eventType: 'AwsApiCall',
  eventSource,
  eventName,
  count,
});

const root = tmpDir();
const A = '111111111111';
const B = '222222222222';
writeCloudTrail(root, {
  [`AWSLogs/${A}/CloudTrail/eu-west-2/2026/11/01/a1.json.gz`]: [
    cloudTrailRecord({
      eventSource: 's3.amazonaws.com',
      eventName: 'PutObject',
    }),
    cloudTrailRecord({
      eventSource: 's3.amazonaws.com',
      eventName: 'PutObject',
    }),
    cloudTrailRecord({
      eventSource: 'kms.amazonaws.com',
      eventName: 'RotateKey',
      eventType: 'AwsServiceEvent',
    }),
    cloudTrailRecord({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
    }),
  ],
  [`AWSLogs/${A}/CloudTrail/us-east-1/2026/11/01/a2.json`]: [
    cloudTrailRecord({
      eventSource: 'iam.amazonaws.com',
      eventName: 'GetRole',
      region: 'us-east-1',
      arn: 'arn:aws:sts::111111111111:assumed-role/deployer/session',
    }),
  ],
  [`AWSLogs/${B}/CloudTrail/eu-west-2/2026/11/01/b1.json.gz`]: [
    cloudTrailRecord({
      eventSource: 'lambda.amazonaws.com',
      eventName: 'Invoke',
      account: B,
    }),
  ],
  [`AWSLogs/${A}/CloudTrail-Digest/eu-west-2/2026/11/01/${A}_CloudTrail-Digest_eu-west-2_x.json.gz`]:
    [],
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('scanCloudTrail', () => {
  it('separates API calls from service events and console sign-ins, skipping digests', async () => {
    const scan = await scanCloudTrail([root], { concurrency: 2 });
    expect(scan.summary).toEqual({
      files: 3,
      digestFilesSkipped: 1,
      records: 6,
      recordsSkipped: 0,
      apiCalls: 4,
      serviceEvents: { 'kms.amazonaws.com': 1 },
      consoleSignIns: 1,
      accounts: [A, B],
      regions: ['eu-west-2', 'us-east-1'],
    });
    expect(scan.events).toContainEqual(
      apiCall('s3.amazonaws.com', 'PutObject', 2),
    );
  });

  it.each([
    ['account', { account: B }, ['lambda.amazonaws.com Invoke']],
    ['region', { region: 'us-east-1' }, ['iam.amazonaws.com GetRole']],
    [
      'principal (session issuer role)',
      { principal: 'arn:aws:iam::111111111111:role/deployer' },
      ['iam.amazonaws.com GetRole'],
    ],
    [
      'principal prefix',
      { principal: 'arn:aws:sts::111111111111:assumed-role/deployer/*' },
      ['iam.amazonaws.com GetRole'],
    ],
  ])('filters by %s', async (_name, filters, expected) => {
    const scan = await scanCloudTrail([root], filters);
    expect(
      scan.events
        .filter(e => e.eventType === 'AwsApiCall')
        .map(e => `${e.eventSource} ${e.eventName}`),
    ).toEqual(expected);
  });

  it('rejects a file whose decompressed size exceeds the cap, naming it', async () => {
    await expect(
      scanCloudTrail([root], { maxInflatedBytes: 300 }),
    ).rejects.toThrow(
      /\.json(\.gz)?: decompressed size exceeds the 300-byte limit/,
    );
  });

  it('reads only record-level fields, whatever the nested values contain', async () => {
    const file = path.join(tmpDir(), 'tricky.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        Records: [
          {
            requestParameters: {
              eventName: 'Nested',
              eventSource: 'nested.amazonaws.com',
              list: [{ eventName: 'x' }],
              text: 'a "quoted" \\ value }]',
            },
            eventSource: 'events.amazonaws.com',
            eventName: 'Put\u0045vents',
            eventType: 'AwsApiCall',
            awsRegion: 'eu-west-2',
            recipientAccountId: '111111111111',
            responseElements: null,
            readOnly: false,
            count: 3,
          },
        ],
      }),
    );
    const scan = await scanCloudTrail([file]);
    expect(scan.events).toEqual([apiCall('events.amazonaws.com', 'PutEvents')]);
  });

  it('decodes escapes in record fields and skips escaped quotes and backslashes anywhere', async () => {
    const file = path.join(tmpDir(), 'escapes.json');
    const text = JSON.stringify({
      Records: [
        {
          requestParameters: { text: 'ends with a backslash \\', q: '"}]' },
          eventSource: 'S3_SOURCE',
          eventName: 'a\\',
          eventType: 'AwsApiCall',
          userAgent: '\\\\"',
        },
        {
          eventSource: 's3.amazonaws.com',
          eventName: 'b"c',
          eventType: 'AwsApiCall',
        },
      ],
    }).replace('S3_SOURCE', 's\\u0033.amazonaws.com');
    fs.writeFileSync(file, text);
    const scan = await scanCloudTrail([file]);
    expect(scan.events).toEqual([
      apiCall('s3.amazonaws.com', 'a\\'),
      apiCall('s3.amazonaws.com', 'b"c'),
    ]);
  });

  it('finds quotes and backslashes at every offset of the 16-byte blocks the scanner reads at once', async () => {
    // Strings of 0 to 40 bytes with an escape at each position, and a last
    // record whose long string ends near the end of the file, where fewer
    // than 16 bytes remain.
    const records = Array.from({ length: 41 }, (_, length) => ({
      eventType: 'AwsApiCall',
      eventSource: 's3.amazonaws.com',
      eventName: `${'n'.repeat(length)}"${'x'.repeat(40 - length)}`,
      userAgent: `${'u'.repeat(length)}\\`,
    }));
    const file = path.join(tmpDir(), 'blocks.json');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ Records: records }).slice(
        0,
        -2,
      )},{"eventType":"AwsApiCall","eventSource":"s3.amazonaws.com","eventName":"${'e'.repeat(
        33,
      )}"}]}`,
    );
    const scan = await scanCloudTrail([file]);
    expect(scan.events).toEqual(
      [...records.map(r => r.eventName), 'e'.repeat(33)]
        .sort()
        .map(name => apiCall('s3.amazonaws.com', name)),
    );
  });

  it.each([
    [
      'truncated.json',
      '{"Records":[{"eventSource":"s3.amazonaws.com"',
      /truncated\.json: malformed JSON/,
    ],
    [
      'cut-after-backslash.json',
      '{"Records":[{"eventSource":"s3\\',
      /cut-after-backslash\.json: malformed JSON/,
    ],
    [
      'unbalanced.json',
      '{"Records":[{"eventSource":"s3.amazonaws.com"]]}',
      /unbalanced\.json: malformed JSON: unexpected \] at byte 45/,
    ],
    [
      'bad-escape.json',
      '{"Records":[{"eventName":"\\q"}]}',
      /bad-escape\.json: malformed JSON: bad escape in a string at byte 26$/,
    ],
  ])('rejects %s', async (name, content, message) => {
    const file = path.join(tmpDir(), name);
    fs.writeFileSync(file, content);
    await expect(scanCloudTrail([file])).rejects.toThrow(message);
  });

  it.each([
    ['empty.json', /empty\.json: empty file/],
    ['empty.json.gz', /empty\.json\.gz: truncated or corrupt gzip/],
  ])('rejects an empty %s naming it', async (name, message) => {
    const file = path.join(tmpDir(), name);
    fs.writeFileSync(file, Buffer.alloc(0));
    await expect(scanCloudTrail([file])).rejects.toThrow(message);
  });

  it('refuses a gzip bomb by its compression ratio after inflating about 1 MiB of 300', async () => {
    // Valid CloudTrail JSON inflating to 300 MiB, past the 256 MiB default cap.
    const file = path.join(tmpDir(), 'bomb.json.gz');
    fs.writeFileSync(file, cloudTrailGzip(300, 'bomb'));
    const error: Error = await scanCloudTrail([file]).then(
      () => {
        throw new Error('the bomb was read');
      },
      e => e,
    );
    expect(error.message).toMatch(
      /bomb\.json\.gz: compression ratio over 200:1 after \d+ decompressed bytes from \d+ compressed/,
    );
    const inflated = Number(
      /after (\d+) decompressed bytes/.exec(error.message)![1],
    );
    expect(inflated).toBeGreaterThanOrEqual(1 << 20);
    expect(inflated).toBeLessThanOrEqual(4 << 20);
  });

  it('reads a real-shaped repetitive CloudTrail file (about 22:1) and a small very compressible one', async () => {
    // One role calling one KMS action all day: only the ids and the time
    // differ, the most compressible a real log gets.
    const records = Array.from({ length: 4000 }, (_, i) => ({
      ...cloudTrailRecord({
        eventSource: 'kms.amazonaws.com',
        eventName: 'Decrypt',
      }),
      eventTime: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      eventID: randomUUID(),
      requestID: randomUUID(),
      requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      resources: [
        {
          type: 'AWS::KMS::Key',
          ARN: 'arn:aws:kms:eu-west-2:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      ],
    }));
    const dir = tmpDir();
    const body = Buffer.from(JSON.stringify({ Records: records }));
    const gz = zlib.gzipSync(body, { level: 9 });
    expect(body.length).toBeGreaterThan(1 << 20);
    expect(body.length / gz.length).toBeGreaterThan(10);
    fs.writeFileSync(path.join(dir, 'busy.json.gz'), gz);
    // Under 1 MiB inflated the ratio is not judged: 500 KB of spaces.
    fs.writeFileSync(
      path.join(dir, 'spaces.json.gz'),
      zlib.gzipSync(`{"Records":[${' '.repeat(500_000)}]}`, { level: 9 }),
    );
    const scan = await scanCloudTrail([
      path.join(dir, 'busy.json.gz'),
      path.join(dir, 'spaces.json.gz'),
    ]);
    expect(scan.summary.records).toBe(4000);
  });

  it.each([
    ['only eventType', { eventType: 'AwsServiceEvent' }],
    ['no eventType', { eventSource: 's3.amazonaws.com', eventName: 'Get' }],
    [
      'no eventName',
      { eventType: 'AwsApiCall', eventSource: 's3.amazonaws.com' },
    ],
    [
      'a numeric eventSource',
      { eventType: 'AwsApiCall', eventSource: 3, eventName: 'Get' },
    ],
  ])(
    'skips a record with %s instead of counting it under "undefined"',
    async (_name, unnamed) => {
      const file = path.join(tmpDir(), 'unnamed.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          Records: [
            unnamed,
            cloudTrailRecord({
              eventSource: 'kms.amazonaws.com',
              eventName: 'Decrypt',
            }),
          ],
        }),
      );
      const scan = await scanCloudTrail([file]);
      expect(scan.events).toEqual([apiCall('kms.amazonaws.com', 'Decrypt')]);
      expect(scan.summary.serviceEvents).toEqual({});
      expect(scan.summary.records).toBe(2);
      expect(scan.recordsSkipped).toBe(1);
      expect(scan.summary.recordsSkipped).toBe(1);
    },
  );

  it('rejects a JSON file that is not a CloudTrail log', async () => {
    const file = path.join(tmpDir(), 'x.json');
    fs.writeFileSync(file, '{"hello": 1}');
    await expect(scanCloudTrail([file])).rejects.toThrow(
      /x\.json: not a CloudTrail log file/,
    );
  });

  it('stops the worker it starts before listing when the listing fails or finds no log file', async () => {
    const terminate = jest.spyOn(Worker.prototype, 'terminate');
    try {
      const missing = path.join(tmpDir(), 'missing');
      await expect(scanCloudTrail([missing])).rejects.toThrow(/missing/);
      const scan = await scanCloudTrail([tmpDir()]);
      expect(scan.summary.files).toBe(0);
      expect(scan.events).toEqual([]);
      expect(terminate).toHaveBeenCalledTimes(2);
    } finally {
      terminate.mockRestore();
    }
  });
});
