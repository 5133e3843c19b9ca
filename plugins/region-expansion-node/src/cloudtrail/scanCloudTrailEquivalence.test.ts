import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';
import { tmpDir } from '../footprint/__testUtils__/fixtures';
import { cloudTrailScanOf } from './cloudTrailScanOf';
import { CloudTrailScanOptions, scanCloudTrail } from './scanCloudTrail';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['eu-west-2', 'us-east-1', 'eusc-de-east-1'];
// A quote, a backslash, \u escapes (written into the files below) and
// non-ASCII text in the fields the scanner decodes: the cases its fast
// path hands to JSON.parse.
const SOURCES = ['s3.amazonaws.com', 'kms.amazonaws.com', 'café.amazonaws.com'];
const NAMES = ['GetObject', 'Decrypt', 'Put"Quoted', 'Back\\slash', 'Ünïcode'];
const TYPES = [
  'AwsApiCall',
  'AwsApiCall',
  'AwsServiceEvent',
  'AwsConsoleSignIn',
];

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T =>
  items[Math.floor(r() * items.length)];

/** A nested value with decoy record keys, arrays, scalars and awkward text. */
function nested(r: Random, depth: number): unknown {
  const kind = r();
  if (depth > 3 || kind < 0.3)
    return pick(r, [null, true, 3.5e-2, 'a "quoted" \\ value }]', '{[', 'é']);
  if (kind < 0.5)
    return Array.from({ length: Math.floor(r() * 3) }, () =>
      nested(r, depth + 1),
    );
  return {
    eventSource: pick(r, ['decoy.amazonaws.com', 'x']),
    eventName: 'Decoy',
    Records: [],
    arn: 'arn:aws:iam::999999999999:role/decoy',
    [pick(r, ['key', 'k\\"ey', 'ünï'])]: nested(r, depth + 1),
  };
}

/** A record with its fields in random order, some absent, nested values anywhere. */
function record(r: Random): Record<string, unknown> {
  const account = pick(r, ACCOUNTS);
  const role = pick(r, ['deployer', 'app', 'ci']);
  const fields: Array<[string, unknown]> = [
    ['eventVersion', '1.09'],
    ['eventType', pick(r, TYPES)],
    ['eventSource', pick(r, SOURCES)],
    ['eventName', pick(r, NAMES)],
    ['awsRegion', pick(r, REGIONS)],
    ['recipientAccountId', account],
    ['requestParameters', nested(r, 0)],
    ['responseElements', nested(r, 0)],
    [
      'userIdentity',
      r() < 0.5
        ? {
            type: 'AssumedRole',
            arn: `arn:aws:sts::${account}:assumed-role/${role}/s-${Math.floor(
              r() * 3,
            )}`,
            sessionContext: {
              attributes: { mfaAuthenticated: 'false' },
              sessionIssuer: {
                type: 'Role',
                arn: `arn:aws:iam::${account}:role/${role}`,
              },
            },
          }
        : { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
    ],
  ];
  return Object.fromEntries(
    fields
      // Any field may be absent, an event field rarely (such a record is
      // skipped, not counted under "undefined").
      .filter(([name]) => r() > (name.startsWith('event') ? 0.01 : 0.04))
      .map(field => [r(), field] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, field]) => field),
  );
}

/** What the scan must find, from JSON.parse of every file. */
function expectedScan(files: string[], options: CloudTrailScanOptions) {
  const counts = new Map<string, number>();
  const accounts = new Set<string>();
  const regions = new Set<string>();
  let records = 0;
  let recordsSkipped = 0;
  const text = (value: unknown) =>
    typeof value === 'string' ? value : undefined;
  const prefix = options.principal?.endsWith('*')
    ? options.principal.slice(0, -1)
    : undefined;
  for (const file of files) {
    const raw = fs.readFileSync(file);
    const body = file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw;
    for (const r of JSON.parse(body.toString('utf8')).Records) {
      records++;
      const names = [r.eventType, r.eventSource, r.eventName].map(text);
      if (names.includes(undefined)) {
        recordsSkipped++;
        continue;
      }
      const account = text(r.recipientAccountId);
      const region = text(r.awsRegion);
      const arns = [
        text(r.userIdentity?.arn),
        text(r.userIdentity?.sessionContext?.sessionIssuer?.arn),
      ].filter((a): a is string => a !== undefined);
      if (options.account && account !== options.account) continue;
      if (options.region && region !== options.region) continue;
      if (
        options.principal &&
        !arns.some(a =>
          prefix !== undefined ? a.startsWith(prefix) : a === options.principal,
        )
      )
        continue;
      if (account) accounts.add(account);
      if (region) regions.add(region);
      const key = names.join('\t');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return cloudTrailScanOf(counts, {
    files: files.length,
    digestFilesSkipped: 0,
    records,
    recordsSkipped,
    accounts,
    regions,
  });
}

describe('scanCloudTrail on a varied corpus', () => {
  const root = tmpDir();
  const files: string[] = [];
  const random = createSeededRandom(20261206);
  for (let n = 0; n < 6; n++) {
    const records = Array.from({ length: 400 }, () => record(random));
    // Compact and pretty-printed files, gzipped and plain.
    const body = JSON.stringify(
      { Records: records },
      null,
      n % 3 ? 0 : 2,
    ).replace(/"kms\.amazonaws\.com"/g, '"\\u006bms.amazonaws.com"');
    const file = path.join(root, `f${n}.json${n % 2 ? '.gz' : ''}`);
    fs.writeFileSync(file, n % 2 ? zlib.gzipSync(body) : body);
    files.push(file);
  }
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each<[string, CloudTrailScanOptions]>([
    ['no filter', {}],
    ['account', { account: ACCOUNTS[1] }],
    ['region', { region: REGIONS[2] }],
    ['principal', { principal: `arn:aws:iam::${ACCOUNTS[0]}:role/app` }],
    [
      'principal prefix',
      { principal: `arn:aws:sts::${ACCOUNTS[2]}:assumed-role/ci/*` },
    ],
  ])(
    'counts exactly what JSON.parse of every record gives, with %s',
    async (_name, options) => {
      const scan = await scanCloudTrail([root], { ...options, concurrency: 2 });
      const expected = expectedScan(files, options);
      expect(expected.summary.records).toBe(2400);
      expect(expected.events.length).toBeGreaterThan(3);
      expect(expected.recordsSkipped).toBeGreaterThan(0);
      expect(scan).toEqual(expected);
    },
  );
});
