import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  allPages,
  eusc,
  euscAccount,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

describe('SSM public parameters (awsJson1_1)', () => {
  it('serves the global-infrastructure tree of the caller partition from the snapshot, paged by 10', async () => {
    const client = sdkClient(SSMClient, eusc.homeRegion, euscAccount.id);
    const pages = await allPages(
      NextToken =>
        client.send(
          new GetParametersByPathCommand({
            Path: `/aws/service/global-infrastructure/regions/${eusc.homeRegion}/services`,
            NextToken,
          }),
        ),
      page => page.NextToken,
    );
    const names = pages.flatMap(page => page.Parameters!.map(p => p.Value!));
    expect(names.sort()).toEqual(['kms', 's3']);
  });
});
