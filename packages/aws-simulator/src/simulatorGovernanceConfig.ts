import type { SyntheticOrganization } from './organization';
import { accessKeyIdFor } from './protocol';
import type { SimulatorConfigData } from './testing';

/**
 * Backend configuration over the simulator: every account of `org` with the
 * static keys the simulator maps back to the account (`aws.accounts`), and
 * `governance` (endpoint, retries, targets…) as
 * `regionExpansion.governance`.
 *
 * @public
 */
export function simulatorGovernanceConfig(
  org: Pick<SyntheticOrganization, 'accounts'>,
  governance: SimulatorConfigData,
): SimulatorConfigData {
  return {
    aws: {
      accounts: org.accounts.map(a => ({
        accountId: a.id,
        accessKeyId: accessKeyIdFor(a.id),
        secretAccessKey: 'simulated',
      })),
    },
    regionExpansion: { governance },
  };
}
