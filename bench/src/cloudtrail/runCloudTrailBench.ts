import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { OptionsOf, cloudTrailOptions, withDefaults } from '../benchOptions';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { BENCH_DIR } from '../lib/paths';

/** Options of {@link runCloudTrailBench}. */
export type CloudTrailBenchOptions = OptionsOf<typeof cloudTrailOptions> & {
  /** Where corpora are generated and kept; default `bench/.corpus` (git-ignored). */
  corpusRoot?: string;
  /** Runs of the CLI's startup alone (the median is reported); default 3. */
  startupRuns?: number;
};

/** The CLI's executable, as the installed package declares it. */
function cliBin(): string {
  const manifest = require.resolve('@region-expansion/cli/package.json');
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin['region-expansion'];
  return path.join(path.dirname(manifest), relative);
}

const ACCOUNTS = [
  '111111111111',
  '222222222222',
  '333333333333',
  '444444444444',
];
const REGIONS = ['eu-west-2', 'eu-central-1', 'us-east-1', 'eusc-de-east-1'];
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

function record(
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

function generateCorpus(
  corpusRoot: string,
  directory: string,
  sizeGb: number,
  fileMb: number,
  log: BenchLog,
): { files: number; bytes: number } {
  const marker = `${directory}.complete.json`;
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8'));
  fs.mkdirSync(corpusRoot, { recursive: true });
  fs.writeFileSync(path.join(corpusRoot, '.gitignore'), '*\n');
  fs.rmSync(directory, { recursive: true, force: true });
  const target = sizeGb * 1024 ** 3;
  const perFile = fileMb * 1024 ** 2;
  let bytes = 0;
  let files = 0;
  let counter = 0;
  const started = Date.now();
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
    const parts: string[] = [];
    let size = 14;
    while (size < perFile) {
      const text = JSON.stringify(record(counter++, account, region, day));
      parts.push(text);
      size += text.length + 1;
    }
    const body = `{"Records":[${parts.join(',')}]}`;
    const name = `${account}_CloudTrail_${region}_2026111${day}T0000Z_${files.toString(
      36,
    )}.json.gz`;
    fs.writeFileSync(path.join(dir, name), zlib.gzipSync(body, { level: 6 }));
    bytes += body.length;
    files++;
    if (files % 50 === 0)
      log(`generated ${files} files, ${(bytes / 1024 ** 3).toFixed(2)} GB`);
  }
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
  const summary = { files, bytes };
  fs.writeFileSync(marker, JSON.stringify(summary));
  log(
    `corpus: ${files} files, ${bytes} bytes uncompressed, generated in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  return summary;
}

function timed(command: string): {
  seconds: number;
  maxRssKb?: number;
  stdout: string;
} {
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `command failed (${result.status}): ${command}\n${result.stderr}`,
    );
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return {
    seconds,
    maxRssKb: rss ? Number(rss[1]) : undefined,
    stdout: result.stdout,
  };
}

function hasCommand(name: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * `yarn bench cloudtrail`: generates (once, cached under the corpus root) a
 * CloudTrail corpus of gzipped files in the
 * `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD` layout, then measures
 * in the same run:
 *   1. the CLI's footprint, spawned as a user runs it (peak RSS via
 *      `/usr/bin/time -v`), on the whole corpus and on one account's part;
 *   2. `zcat | jq -r '.Records[] | .eventSource + " " + .eventName' | sort -u`;
 *   3. raw `zcat > /dev/null`;
 *   4. the CLI's startup alone: footprint of one tiny CloudTrail file
 *      (median of 3), to separate fixed cost from throughput.
 * The load average before and after is recorded (the machine may be shared).
 */
export async function runCloudTrailBench(
  options: CloudTrailBenchOptions,
  log: BenchLog,
) {
  const { sizeGb, fileMb } = withDefaults(cloudTrailOptions, options);
  const startupRuns = options.startupRuns ?? 3;
  for (const [name, value] of Object.entries({ sizeGb, fileMb, startupRuns }))
    if (!(Number.isFinite(value) && value > 0))
      throw new Error(`${name} must be a positive number, got ${value}`);
  return measuredRun('cloudtrail', log, async () => {
    const corpusRoot = options.corpusRoot ?? path.join(BENCH_DIR, '.corpus');
    const directory = path.join(
      corpusRoot,
      `cloudtrail-${sizeGb}gb-${fileMb}mb`,
    );
    const corpus = generateCorpus(corpusRoot, directory, sizeGb, fileMb, log);
    const gzFiles = `find ${directory}/AWSLogs -name '*.json.gz' ! -name '*Digest*' -print0`;
    const half = path.join(directory, 'AWSLogs', ACCOUNTS[0]);
    const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time -v ' : '';
    const bin = cliBin();
    const cli = (input: string) =>
      `${time}${process.execPath} ${bin} footprint ${input} --json > /dev/null`;

    const tiny = path.join(corpusRoot, 'cloudtrail-startup.json');
    fs.writeFileSync(
      tiny,
      JSON.stringify({ Records: [record(0, ACCOUNTS[0], REGIONS[0], 1)] }),
    );
    const startup = Array.from({ length: startupRuns }, () =>
      timed(cli(tiny)),
    ).sort((a, b) => a.seconds - b.seconds)[Math.floor(startupRuns / 2)];
    const zcat = timed(`${gzFiles} | xargs -0 zcat > /dev/null`);
    const footprint = timed(cli(directory));
    const footprintQuarter = timed(cli(half));
    let jq: { seconds: number } | undefined;
    if (hasCommand('jq')) {
      jq = timed(
        `${gzFiles} | xargs -0 zcat | jq -r '.Records[] | .eventSource + " " + .eventName' | sort -u > /dev/null`,
      );
    } else {
      log(
        'jq is missing: install it with `apt-get install -y jq` to measure the jq pipeline',
      );
    }
    const gb = corpus.bytes / 1024 ** 3;
    return {
      corpus: {
        files: corpus.files,
        uncompressedGb: Number(gb.toFixed(3)),
        accounts: ACCOUNTS.length,
        regions: REGIONS.length,
      },
      startup: {
        seconds: Number(startup.seconds.toFixed(2)),
        peakRssMb: startup.maxRssKb
          ? Math.round(startup.maxRssKb / 1024)
          : null,
      },
      seconds: {
        cliFootprint: Number(footprint.seconds.toFixed(2)),
        zcatJqSortU: jq ? Number(jq.seconds.toFixed(2)) : null,
        rawZcat: Number(zcat.seconds.toFixed(2)),
      },
      throughputMBps: {
        cliFootprint: Number(
          (corpus.bytes / 1024 ** 2 / footprint.seconds).toFixed(1),
        ),
      },
      speedupVsJq: jq
        ? Number((jq.seconds / footprint.seconds).toFixed(2))
        : null,
      ratioToRawZcat: Number((footprint.seconds / zcat.seconds).toFixed(2)),
      targets: { speedupVsJqAtLeast: 3, ratioToRawZcatAtMost: 2 },
      /** The CLI's peak RSS (from /usr/bin/time), not this process's. */
      cliPeakRssMb: {
        [`${ACCOUNTS.length > 1 ? `1/${ACCOUNTS.length}` : 'all'} corpus (${half
          .split('/')
          .pop()})`]: footprintQuarter.maxRssKb
          ? Math.round(footprintQuarter.maxRssKb / 1024)
          : null,
        'full corpus': footprint.maxRssKb
          ? Math.round(footprint.maxRssKb / 1024)
          : null,
      },
    };
  });
}
