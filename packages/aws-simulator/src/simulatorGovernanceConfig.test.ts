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
    expect(simulatorGovernanceConfig(org, governance)).toEqual({
      aws: {
        accounts: org.accounts.map(a => ({
          accountId: a.id,
          accessKeyId: accessKeyIdFor(a.id),
          secretAccessKey: 'simulated',
        })),
      },
      regionExpansion: { governance },
    });
    expect(org.accounts).toHaveLength(2);
  });
});
