import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  credentialsOf,
  ENDPOINT,
  eusc,
  euscAccount,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';

useSimulatorTestServer();

describe('SSM public parameters (awsJson1_1)', () => {
  it('serves the global-infrastructure tree of the caller partition from the snapshot, paged by 10', async () => {
    const client = new SSMClient({
      region: eusc.homeRegion,
      endpoint: ENDPOINT,
      credentials: credentialsOf(euscAccount.id),
    });
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new GetParametersByPathCommand({
          Path: `/aws/service/global-infrastructure/regions/${eusc.homeRegion}/services`,
          NextToken,
        }),
      );
      names.push(...page.Parameters!.map(p => p.Value!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names.sort()).toEqual(['kms', 's3']);
  });
});
