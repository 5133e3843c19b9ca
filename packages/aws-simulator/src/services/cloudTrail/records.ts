import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { SyntheticOrganization } from '../../organization';
import { createRandom, DAY, hashOf, pick, uuidFrom } from '../../random';

/**
 * One synthetic CloudTrail record, reduced to what the footprint reads; the
 * JSON log files and both query engines are derived from these.
 *
 * @public
 */
export interface SimulatedCloudTrailRecord {
  /** Epoch ms. */
  eventTime: number;
  /** Kind of event, e.g. `AwsApiCall`, `AwsServiceEvent` or `AwsConsoleSignIn`. */
  eventType: string;
  /** Service endpoint that recorded the event, e.g. `s3.amazonaws.com`. */
  eventSource: string;
  /** Operation or event name, e.g. `PutObject`. */
  eventName: string;
  /** recipientAccountId. */
  account: string;
  /** awsRegion. */
  region: string;
}

/**
 * What an application plane's roles call, by weight: API calls to mapped
 * services, one to a source the service mapping does not know, a KMS
 * service event and console sign-ins, so every branch of the footprint is
 * exercised.
 */
const EVENTS: ReadonlyArray<[type: string, source: string, name: string]> = [
  ['AwsApiCall', 's3.amazonaws.com', 'PutObject'],
  ['AwsApiCall', 's3.amazonaws.com', 'GetObject'],
  ['AwsApiCall', 'kms.amazonaws.com', 'Decrypt'],
  ['AwsApiCall', 'kms.amazonaws.com', 'GenerateDataKey'],
  ['AwsApiCall', 'lambda.amazonaws.com', 'Invoke'],
  ['AwsApiCall', 'dynamodb.amazonaws.com', 'GetItem'],
  ['AwsApiCall', 'dynamodb.amazonaws.com', 'PutItem'],
  ['AwsApiCall', 'sqs.amazonaws.com', 'SendMessage'],
  ['AwsApiCall', 'sns.amazonaws.com', 'Publish'],
  ['AwsApiCall', 'sts.amazonaws.com', 'AssumeRole'],
  ['AwsApiCall', 'ec2.amazonaws.com', 'DescribeInstances'],
  ['AwsApiCall', 'logs.amazonaws.com', 'PutLogEvents'],
  ['AwsApiCall', 'secretsmanager.amazonaws.com', 'GetSecretValue'],
  ['AwsApiCall', 'bedrock.amazonaws.com', 'InvokeModel'],
  ['AwsApiCall', 'synthetic-partner.amazonaws.com', 'SendEvent'],
  ['AwsServiceEvent', 'kms.amazonaws.com', 'RotateKey'],
  ['AwsConsoleSignIn', 'signin.amazonaws.com', 'ConsoleLogin'],
];

/**
 * Records per account and Region the organization's trail holds.
 *
 * @public
 */
export const CLOUDTRAIL_RECORDS_PER_ACCOUNT_REGION = 60;

/**
 * Days before the organization's base time the records spread over.
 *
 * @public
 */
export const CLOUDTRAIL_DAYS = 30;

const recordsByOrg = new WeakMap<
  SyntheticOrganization,
  SimulatedCloudTrailRecord[]
>();

/**
 * The organization trail's records: {@link CLOUDTRAIL_RECORDS_PER_ACCOUNT_REGION}
 * per account and Region of its partition, over the {@link CLOUDTRAIL_DAYS}
 * days before `org.baseTime`, drawn from the seed (the same organization
 * always has the same records), oldest first.
 *
 * @public
 */
export function simulatedCloudTrailRecords(
  org: SyntheticOrganization,
): readonly SimulatedCloudTrailRecord[] {
  let records = recordsByOrg.get(org);
  if (records) return records;
  const random = createRandom(hashOf('cloudtrail', org.seed));
  records = [];
  const start = org.baseTime - CLOUDTRAIL_DAYS * DAY;
  for (const account of org.accounts) {
    for (const region of org.regionsOf(account.partition)) {
      for (let i = 0; i < CLOUDTRAIL_RECORDS_PER_ACCOUNT_REGION; i++) {
        const [eventType, eventSource, eventName] = pick(
          EVENTS,
          Math.floor(random() * 2 ** 32),
        );
        records.push({
          eventTime: start + Math.floor(random() * CLOUDTRAIL_DAYS * DAY),
          eventType,
          eventSource,
          eventName,
          account: account.id,
          region: region.id,
        });
      }
    }
  }
  records.sort((a, b) => a.eventTime - b.eventTime);
  recordsByOrg.set(org, records);
  return records;
}

/** A record as CloudTrail writes it into a log file. */
function logRecord(
  org: SyntheticOrganization,
  record: SimulatedCloudTrailRecord,
  index: number,
) {
  const partition = org.account(record.account)?.partition ?? 'aws';
  const role = `arn:${partition}:iam::${record.account}:role/application`;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:${partition}:sts::${record.account}:assumed-role/application/session`,
      accountId: record.account,
      sessionContext: { sessionIssuer: { type: 'Role', arn: role } },
    },
    eventTime: new Date(record.eventTime).toISOString().replace(/\.\d+Z$/, 'Z'),
    eventSource: record.eventSource,
    eventName: record.eventName,
    awsRegion: record.region,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-sdk-js/3',
    requestID: uuidFrom(org.seed, index, 11),
    eventID: uuidFrom(org.seed, index, 12),
    readOnly: false,
    eventType: record.eventType,
    managementEvent: true,
    recipientAccountId: record.account,
    eventCategory: 'Management',
  };
}

/**
 * Writes the organization trail's records as CloudTrail delivers them to
 * S3: one gzip file per account, Region and day under
 * `<dir>/AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/`, so the
 * local reader reads the same records the query engines aggregate. Returns
 * the number of files written.
 *
 * @public
 */
export function writeSimulatedCloudTrailLogs(
  org: SyntheticOrganization,
  dir: string,
): number {
  const files = new Map<string, object[]>();
  simulatedCloudTrailRecords(org).forEach((record, index) => {
    const day = new Date(record.eventTime).toISOString().slice(0, 10);
    const [yyyy, mm, dd] = day.split('-');
    const file = path.join(
      dir,
      'AWSLogs',
      record.account,
      'CloudTrail',
      record.region,
      yyyy,
      mm,
      dd,
      `${record.account}_CloudTrail_${record.region}_${yyyy}${mm}${dd}T0000Z_sim.json.gz`,
    );
    const list = files.get(file) ?? [];
    list.push(logRecord(org, record, index));
    files.set(file, list);
  });
  for (const [file, records] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, zlib.gzipSync(JSON.stringify({ Records: records })));
  }
  return files.size;
}
