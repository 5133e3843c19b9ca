import { createSyntheticOrganization } from './organization';
import { accessKeyIdFor } from './protocol';
import { simulatorGovernanceConfig } from './simulatorGovernanceConfig';

describe('simulatorGovernanceConfig', () => {
  it("gives every account of the organization the simulator's keys and sets the governance settings as given", () => {
    const org = createSyntheticOrganization(3, {
      accountsPerPartition: 2,
      findingsPerAccountRegion: 1,
      partitions: [
        {
          id: 'aws',
          dnsSuffix: 'amazonaws.com',
          homeRegion: 'us-east-1',
          regions: ['us-east-1'],
        },
      ],
    });
    const governance = { endpoint: 'http://sim', maxAttempts: 7 };
    const { aws, regionExpansion } = simulatorGovernanceConfig(org, governance);
    expect(regionExpansion).toEqual({ governance });
    const accounts = (aws as { accounts: Record<string, string>[] }).accounts;
    expect(accounts.map(a => a.accountId)).toEqual(org.accounts.map(a => a.id));
    for (const { accountId, ...keys } of accounts) {
      // The simulator maps the access key back to the account.
      expect(keys).toEqual({
        accessKeyId: accessKeyIdFor(accountId),
        secretAccessKey: 'simulated',
      });
    }
    expect(org.accounts).toHaveLength(2);
  });
});
