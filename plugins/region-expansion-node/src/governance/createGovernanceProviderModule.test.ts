import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Config } from '@backstage/config';
import { createGovernanceProviderModule } from './createGovernanceProviderModule';
import { regionExpansionGovernanceExtensionPoint } from './extensionPoint';
import type { GovernanceProvider } from './types';

describe('createGovernanceProviderModule', () => {
  it('adds the provider built from the root config to the governance extension point', async () => {
    const added: GovernanceProvider[] = [];
    const seen: Config[] = [];
    const provider: GovernanceProvider = {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => [],
      sync: async () => ({ source: 'securityhub', outcomes: [] }),
    };
    await startTestBackend({
      extensionPoints: [
        [
          regionExpansionGovernanceExtensionPoint,
          { addProvider: (p: GovernanceProvider) => added.push(p) },
        ],
      ],
      features: [
        createGovernanceProviderModule({
          moduleId: 'security-hub',
          fromConfig: config => {
            seen.push(config);
            return provider;
          },
        }),
        mockServices.rootConfig.factory({
          data: { regionExpansion: { governance: { concurrency: 3 } } },
        }),
      ],
    });
    expect(added).toEqual([provider]);
    expect(seen[0].getNumber('regionExpansion.governance.concurrency')).toBe(3);
  });
});
