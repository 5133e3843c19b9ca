import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';
import {
  CALLS,
  Context,
  Random,
  TOTAL_WEIGHT,
  bucket,
  pick,
  tenantIds,
  upper,
  uuid,
} from './variedCalls';

const AGENTS = [
  'aws-sdk-js/3.700.0 ua/2.1 os/linux#5.10 lang/js md/nodejs#22.12.0 api/s3#3.700.0',
  'Boto3/1.35.2 md/Botocore#1.35.2 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.4 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.2',
  'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython exec-env/"CloudShell" command/s3.cp',
  'AWS Internal',
  'lambda.amazonaws.com',
];

function identity(r: Random, c: Context, day: string): object {
  const kind = r();
  // Services calling services on a tenant's behalf: no session, short.
  if (kind < 0.5)
    return {
      type: 'AWSService',
      invokedBy: pick(r, ['lambda.amazonaws.com', 'states.amazonaws.com']),
    };
  if (kind < 0.58)
    return {
      type: 'IAMUser',
      principalId: c.ids.userPrincipal,
      arn: `arn:aws:iam::${c.account}:user/ci-${c.tenant % 7}`,
      accountId: c.account,
      accessKeyId: `AKIA${c.ids.accessKeys[0].slice(4)}`,
      userName: `ci-${c.tenant % 7}`,
    };
  const role = r() < 0.15 ? 'deployer' : `tenant-${c.tenant}-app`;
  const session = Math.floor(r() * 4);
  return {
    type: 'AssumedRole',
    principalId: `${c.ids.rolePrincipal}:session-${c.ids.sessions[session]}`,
    arn: `arn:aws:sts::${c.account}:assumed-role/${role}/session-${c.ids.sessions[session]}`,
    accountId: c.account,
    accessKeyId: c.ids.accessKeys[session],
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: c.ids.rolePrincipal,
        arn: `arn:aws:iam::${c.account}:role/${role}`,
        accountId: c.account,
        userName: role,
      },
      attributes: {
        creationDate: `${day}T00:00:00Z`,
        mfaAuthenticated: 'false',
      },
      ...(r() < 0.2 ? { ec2RoleDelivery: '2.0' } : {}),
    },
  };
}

/** A KMS key rotation: no caller, no request, about 350 bytes. */
function serviceEvent(r: Random, c: Context, time: string): object {
  return {
    eventVersion: '1.09',
    userIdentity: { accountId: c.account, invokedBy: 'kms.amazonaws.com' },
    eventTime: time,
    eventSource: 'kms.amazonaws.com',
    eventName: 'RotateKey',
    awsRegion: c.region,
    requestParameters: null,
    responseElements: null,
    eventID: uuid(r),
    readOnly: false,
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: c.account,
    eventCategory: 'Management',
  };
}

/**
 * One record of the varied corpus: a weighted service call by a role, a
 * user or a service, with that service's nested request parameters (and
 * for some a large response), random ids, sometimes an error; about 900
 * bytes on average, from about 300 bytes to several KB.
 */
export function variedRecord(
  r: Random,
  account: string,
  region: string,
  day: string,
  second: number,
): object {
  const tenant = Math.floor(r() * 60);
  const c: Context = { account, region, tenant, ids: tenantIds(tenant) };
  const time = `${day}T${new Date(second * 1000).toISOString().slice(11, 19)}Z`;
  if (r() < 0.12) return serviceEvent(r, c, time);
  let weight = r() * TOTAL_WEIGHT;
  const [, call] = CALLS.find(([w]) => (weight -= w) < 0) ?? CALLS[0];
  const failed = r() < 0.04;
  return {
    eventVersion: '1.09',
    userIdentity: identity(r, c, day),
    eventTime: time,
    eventSource: call.source,
    eventName: pick(r, call.names),
    awsRegion: region,
    sourceIPAddress: `10.${c.tenant}.${Math.floor(r() * 4)}.${Math.floor(
      r() * 256,
    )}`,
    userAgent: r() < 0.5 ? AGENTS[3 + Math.floor(r() * 2)] : pick(r, AGENTS),
    ...(failed
      ? {
          errorCode: 'AccessDenied',
          errorMessage: `User is not authorized to perform this operation on "${bucket(
            c,
          )}"`,
        }
      : {}),
    requestParameters: call.request(r, c),
    responseElements: failed ? null : call.response?.(r, c) ?? null,
    ...(r() < 0.15
      ? {
          additionalEventData: {
            SignatureVersion: 'SigV4',
            bytesTransferredOut: Math.floor(r() * 65536),
          },
        }
      : {}),
    requestID: r() < 0.5 ? uuid(r) : upper(r, 16),
    eventID: uuid(r),
    readOnly: call.readOnly ?? r() < 0.6,
    ...(r() < 0.2
      ? {
          resources: [
            {
              accountId: account,
              type: 'AWS::S3::Bucket',
              ARN: `arn:aws:s3:::${bucket(c)}`,
            },
          ],
        }
      : {}),
    eventType: 'AwsApiCall',
    managementEvent: r() < 0.3,
    recipientAccountId: account,
    ...(r() < 0.2 ? { vpcEndpointId: `vpce-${c.ids.network}` } : {}),
    eventCategory: r() < 0.3 ? 'Management' : 'Data',
    ...(r() < 0.3
      ? {
          tlsDetails: {
            tlsVersion: 'TLSv1.3',
            cipherSuite: 'TLS_AES_128_GCM_SHA256',
            clientProvidedHostHeader: `${
              call.source.split('.')[0]
            }.${region}.amazonaws.com`,
          },
        }
      : {}),
  };
}

/**
 * The records of one varied file, about `bytes` long, the same for the same
 * `seed`. Records come in bursts of 1 to 6 of the same caller making the
 * same call (a function handling one request), differing in ids and time,
 * as real trails do: that is what gives real logs their ~10:1 ratio.
 */
export function variedFileRecords(
  seed: number,
  account: string,
  region: string,
  day: string,
  bytes: number,
): string[] {
  const random = createSeededRandom(seed);
  const parts: string[] = [];
  let size = 14;
  let second = 0;
  while (size < bytes) {
    const base = variedRecord(random, account, region, day, second % 86400);
    const burst = 1 + Math.floor(random() * 6);
    for (let k = 0; k < burst && size < bytes; k++, second++) {
      const text = JSON.stringify(
        k === 0
          ? base
          : {
              ...base,
              eventTime: `${day}T${new Date((second % 86400) * 1000)
                .toISOString()
                .slice(11, 19)}Z`,
              ...('requestID' in base ? { requestID: uuid(random) } : {}),
              eventID: uuid(random),
            },
      );
      parts.push(text);
      size += text.length + 1;
    }
  }
  return parts;
}
