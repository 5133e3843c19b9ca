import { HttpResponse } from 'msw';
import { AwsFault } from '../../AwsFault';
import { accessKeyIdFor, escapeXml } from '../../protocol';
import { defineService } from '../defineService';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xml(body: string): Response {
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'text/xml' },
  });
}

/**
 * STS (awsQuery, any Region answers): AssumeRole and GetCallerIdentity.
 * Credentials encode the account. It refuses a denied account's AssumeRole
 * itself, so the common AccessDenied check does not apply.
 */
export const stsService = defineService({
  signingName: 'sts',
  protocol: 'awsQuery',
  throttle: [400, 'Throttling'],
  serverError: 'InternalFailure',
  anyRegion: true,
  deniesAccess: false,
  operations: [
    {
      name: 'GetCallerIdentity',
      respond: ({ req }) =>
        xml(
          `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>arn:${req.partition.id}:iam::${req.callerAccountId}:user/simulator</Arn><UserId>AIDASIM${req.callerAccountId}</UserId><Account>${req.callerAccountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        ),
    },
    {
      name: 'AssumeRole',
      respond: ({ org, req, input, faults }) => {
        const roleArn = input.get('RoleArn') ?? '';
        const session = input.get('RoleSessionName') ?? 'session';
        const match = /^arn:([a-z-]+):iam::(\d{12}):role\/(.+)$/.exec(roleArn);
        if (!match)
          throw new AwsFault(
            400,
            'ValidationError',
            `Invalid RoleArn ${roleArn}`,
          );
        const [, partition, accountId, roleName] = match;
        if (partition !== req.partition.id) {
          throw new AwsFault(
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
          faults.isDenied(accountId)
        ) {
          throw new AwsFault(
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
    },
  ],
});
