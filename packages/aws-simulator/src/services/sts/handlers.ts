import { HttpResponse } from 'msw';
import type { SyntheticOrganization } from '../../organization';
import {
  accessKeyIdFor,
  escapeXml,
  queryError,
  SimulatedRequest,
} from '../../protocol';
import type { SimulatedOperation, SimulatedService } from '../types';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xml(body: string): Response {
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'text/xml' },
  });
}

/** STS (awsQuery): AssumeRole and GetCallerIdentity. Credentials encode the account. */
export function handleSts(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  isDenied: (accountId: string) => boolean,
): SimulatedOperation | undefined {
  if (req.method !== 'POST') return undefined;
  const params = new URLSearchParams(req.body);
  const action = params.get('Action');
  if (action === 'GetCallerIdentity') {
    return {
      operation: action,
      respond: () =>
        xml(
          `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>arn:${req.partition.id}:iam::${req.callerAccountId}:user/simulator</Arn><UserId>AIDASIM${req.callerAccountId}</UserId><Account>${req.callerAccountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        ),
    };
  }
  if (action === 'AssumeRole') {
    return {
      operation: action,
      respond: () => {
        const roleArn = params.get('RoleArn') ?? '';
        const session = params.get('RoleSessionName') ?? 'session';
        const match = /^arn:([a-z-]+):iam::(\d{12}):role\/(.+)$/.exec(roleArn);
        if (!match)
          return queryError(
            400,
            'ValidationError',
            `Invalid RoleArn ${roleArn}`,
          );
        const [, partition, accountId, roleName] = match;
        if (partition !== req.partition.id) {
          return queryError(
            403,
            'AccessDenied',
            `Role ${escapeXml(roleArn)} is not in partition ${
              req.partition.id
            }`,
          );
        }
        const account = org.account(accountId);
        if (
          !account ||
          account.partition !== partition ||
          isDenied(accountId)
        ) {
          return queryError(
            403,
            'AccessDenied',
            `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          );
        }
        const expiration = new Date(Date.now() + 3600_000).toISOString();
        return xml(
          `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials><AccessKeyId>${accessKeyIdFor(
            accountId,
          )}</AccessKeyId><SecretAccessKey>simulated-secret-${accountId}</SecretAccessKey><SessionToken>simulated-session-${accountId}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROASIM${accountId}:${escapeXml(
            session,
          )}</AssumedRoleId><Arn>arn:${partition}:sts::${accountId}:assumed-role/${escapeXml(
            roleName,
          )}/${escapeXml(
            session,
          )}</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
      },
    };
  }
  return undefined;
}

/**
 * STS (any Region answers): it refuses a denied account's AssumeRole
 * itself, so the common AccessDenied check does not apply.
 */
export const stsService: SimulatedService = {
  signingName: 'sts',
  hostPrefix: 'sts.',
  protocol: 'awsQuery',
  throttle: [400, 'Throttling'],
  serverError: 'InternalFailure',
  anyRegion: true,
  deniesAccess: false,
  route: ({ org, req, faults }) =>
    handleSts(org, req, id => faults.isDenied(id)),
};
