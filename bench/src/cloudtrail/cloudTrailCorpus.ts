import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { OptionsOf, cloudTrailOptions } from '../benchOptions';
import type { BenchLog } from '../lib/log';
import { VARIED_SEED } from './variedCalls';
import { variedFileRecords } from './variedRecords';

const gzip = promisify(zlib.gzip);

/** `varied`: as real logs vary; `uniform`: last rounds' corpus, one record shape. */
export type CloudTrailCorpus = NonNullable<
  OptionsOf<typeof cloudTrailOptions>['corpus']
>;

export const ACCOUNTS = [
  '111111111111',
  '222222222222',
  '333333333333',
  '444444444444',
];
export const REGIONS = [
  'eu-west-2',
  'eu-central-1',
  'us-east-1',
  'eusc-de-east-1',
];
const EVENTS: Array<[string, string[]]> = [
  [
    's3.amazonaws.com',
    ['GetObject', 'PutObject', 'ListObjectsV2', 'HeadObject', 'DeleteObject'],
  ],
  [
    'lambda.amazonaws.com',
    ['Invoke', 'GetFunction', 'UpdateFunctionCode20150331v2'],
  ],
  ['kms.amazonaws.com', ['Decrypt', 'GenerateDataKey', 'Encrypt']],
  ['dynamodb.amazonaws.com', ['GetItem', 'PutItem', 'Query', 'UpdateItem']],
  ['sts.amazonaws.com', ['AssumeRole', 'GetCallerIdentity']],
  ['sqs.amazonaws.com', ['SendMessage', 'ReceiveMessage', 'DeleteMessage']],
  [
    'ec2.amazonaws.com',
    ['DescribeInstances', 'RunInstances', 'DescribeSubnets'],
  ],
  ['logs.amazonaws.com', ['PutLogEvents', 'CreateLogStream']],
  ['monitoring.amazonaws.com', ['PutMetricData', 'GetMetricData']],
  ['secretsmanager.amazonaws.com', ['GetSecretValue']],
  ['states.amazonaws.com', ['StartExecution', 'DescribeExecution']],
  ['bedrock.amazonaws.com', ['InvokeModel']],
];

/** A record of the uniform corpus: one shape, about 1.3 KB, 20:1 gzipped. */
export function record(
  i: number,
  account: string,
  region: string,
  day: number,
): object {
  const [source, names] = EVENTS[i % EVENTS.length];
  const name = names[(i >> 4) % names.length];
  const role = i % 7 === 0 ? 'deployer' : 'app';
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE${i % 97}:session-${i % 13}`,
      arn: `arn:aws:sts::${account}:assumed-role/${role}/session-${i % 13}`,
      accountId: account,
      accessKeyId: `ASIAEXAMPLE${(i * 7919) % 100000}`,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: 'AROAEXAMPLE',
          arn: `arn:aws:iam::${account}:role/${role}`,
          accountId: account,
          userName: role,
        },
        attributes: {
          creationDate: `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`,
          mfaAuthenticated: 'false',
        },
      },
    },
    eventTime: `2026-11-${String(day).padStart(2, '0')}T${String(
      i % 24,
    ).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: `10.${i % 256}.${(i >> 8) % 256}.${(i >> 16) % 256}`,
    userAgent:
      'aws-sdk-js/3.700.0 ua/2.1 os/linux lang/js md/nodejs#22.12.0 api/s3#3.700.0',
    requestParameters: {
      bucketName: `tenant-${i % 500}-data`,
      key: `objects/${i}/payload-${(i * 31) % 10007}.json`,
      Host: `tenant-${i % 500}-data.s3.${region}.amazonaws.com`,
    },
    responseElements: null,
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      bytesTransferredOut: (i * 131) % 65536,
    },
    requestID: `REQ${i.toString(36).toUpperCase()}${day}`,
    eventID: `${(i * 2654435761) % 4294967296}-${day}-${account.slice(
      0,
      4,
    )}-example-event-id`,
    readOnly: i % 3 !== 0,
    resources: [
      {
        type: 'AWS::S3::Object',
        ARN: `arn:aws:s3:::tenant-${i % 500}-data/objects/${i}`,
      },
    ],
    eventType: i % 50 === 0 ? 'AwsServiceEvent' : 'AwsApiCall',
    managementEvent: i % 5 === 0,
    recipientAccountId: account,
    eventCategory: i % 5 === 0 ? 'Management' : 'Data',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `s3.${region}.amazonaws.com`,
    },
  };
}

/** What a generated corpus holds (kept next to it, so it is generated once). */
export interface CorpusSummary {
  files: number;
  /** Uncompressed bytes of the log files. */
  bytes: number;
  /** Compressed bytes of the log files (absent for corpora of earlier rounds). */
  gzBytes?: number;
  records?: number;
}

function fileRecords(
  corpus: CloudTrailCorpus,
  file: number,
  account: string,
  region: string,
  day: number,
  bytes: number,
  counter: { next: number },
): string[] {
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  if (corpus === 'varied')
    return variedFileRecords(VARIED_SEED + file, account, region, date, bytes);
  const parts: string[] = [];
  let size = 14;
  while (size < bytes) {
    const text = JSON.stringify(record(counter.next++, account, region, day));
    parts.push(text);
    size += text.length + 1;
  }
  return parts;
}

/**
 * Generates (once: a marker file keeps its summary) a corpus of gzipped
 * CloudTrail files in the `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD`
 * layout, `sizeGb` uncompressed in files of `fileMb`, plus one digest file.
 * The next file is generated while the previous one is compressed.
 */
export async function generateCorpus(
  corpus: CloudTrailCorpus,
  corpusRoot: string,
  directory: string,
  sizeGb: number,
  fileMb: number,
  log: BenchLog,
): Promise<CorpusSummary> {
  const marker = `${directory}.complete.json`;
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8'));
  fs.mkdirSync(corpusRoot, { recursive: true });
  fs.writeFileSync(path.join(corpusRoot, '.gitignore'), '*\n');
  fs.rmSync(directory, { recursive: true, force: true });
  const target = sizeGb * 1024 ** 3;
  const perFile = fileMb * 1024 ** 2;
  let bytes = 0;
  let gzBytes = 0;
  let records = 0;
  let files = 0;
  const counter = { next: 0 };
  const started = Date.now();
  let writing: Promise<number> = Promise.resolve(0);
  while (bytes < target) {
    const account = ACCOUNTS[files % ACCOUNTS.length];
    const region =
      REGIONS[Math.floor(files / ACCOUNTS.length) % REGIONS.length];
    const day =
      1 + (Math.floor(files / (ACCOUNTS.length * REGIONS.length)) % 28);
    const dir = path.join(
      directory,
      'AWSLogs',
      account,
      'CloudTrail',
      region,
      '2026',
      '11',
      String(day).padStart(2, '0'),
    );
    fs.mkdirSync(dir, { recursive: true });
    const parts = fileRecords(
      corpus,
      files,
      account,
      region,
      day,
      perFile,
      counter,
    );
    const body = `{"Records":[${parts.join(',')}]}`;
    const name = `${account}_CloudTrail_${region}_2026111${day}T0000Z_${files.toString(
      36,
    )}.json.gz`;
    gzBytes += await writing;
    writing = gzip(body, { level: 6 }).then(gz => {
      fs.writeFileSync(path.join(dir, name), gz);
      return gz.length;
    });
    bytes += body.length;
    records += parts.length;
    files++;
    if (files % 50 === 0)
      log(`generated ${files} files, ${(bytes / 1024 ** 3).toFixed(2)} GB`);
  }
  gzBytes += await writing;
  const digest = path.join(
    directory,
    'AWSLogs',
    ACCOUNTS[0],
    'CloudTrail-Digest',
    REGIONS[0],
    '2026',
    '11',
    '01',
  );
  fs.mkdirSync(digest, { recursive: true });
  fs.writeFileSync(
    path.join(
      digest,
      `${ACCOUNTS[0]}_CloudTrail-Digest_${REGIONS[0]}_x.json.gz`,
    ),
    zlib.gzipSync('{}'),
  );
  const summary: CorpusSummary = { files, bytes, gzBytes, records };
  fs.writeFileSync(marker, JSON.stringify(summary));
  log(
    `${corpus} corpus: ${files} files, ${bytes} bytes uncompressed, ${gzBytes} gzipped, generated in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  return summary;
}
