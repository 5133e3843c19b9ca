import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { accessKeyIdFor } from '../../protocol';
import {
  aws,
  awsAccount,
  eusc,
  euscAccount,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

describe('STS (awsQuery)', () => {
  it('assumes a role in the same partition and rejects another partition', async () => {
    const client = sdkClient(STSClient, eusc.homeRegion, euscAccount.id);
    const assumed = await client.send(
      new AssumeRoleCommand({
        RoleArn: `arn:${eusc.id}:iam::${euscAccount.id}:role/Reader`,
        RoleSessionName: 's',
      }),
    );
    expect(assumed.Credentials!.AccessKeyId).toBe(
      accessKeyIdFor(euscAccount.id),
    );
    expect(assumed.Credentials!.Expiration).toBeInstanceOf(Date);
    await expect(
      client.send(
        new AssumeRoleCommand({
          RoleArn: `arn:${aws.id}:iam::${awsAccount.id}:role/Reader`,
          RoleSessionName: 's',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    const identity = await client.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(euscAccount.id);
  });
});
