import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { startAwsSimulator } from './server';
import {
  aws,
  awsAccount,
  credentialsOf,
  org,
} from './__testUtils__/simulatorTestServer';

describe('startAwsSimulator', () => {
  it('serves the same handlers over loopback HTTP', async () => {
    const simulator = await startAwsSimulator({ organization: org, port: 0 });
    try {
      const client = new SecurityHubClient({
        region: aws.homeRegion,
        endpoint: simulator.url,
        credentials: credentialsOf(awsAccount.id),
      });
      const page = await client.send(new GetFindingsCommand({ MaxResults: 3 }));
      expect(page.Findings).toHaveLength(3);
      expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await simulator.stop();
    }
  });
});
