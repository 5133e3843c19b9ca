import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  locationReadPermission,
  tenantReadPermission,
} from '@region-expansion/plugin-region-expansion-common';
import { searchModuleRegionExpansionCollator } from './module';

describe('searchModuleRegionExpansionCollator', () => {
  it('registers one collator per resource kind, with its visibility permission, on the configured schedule', async () => {
    const collators: RegisterCollatorParameters[] = [];
    const scheduler = mockServices.scheduler.mock();
    const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 1 } };
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator: c => collators.push(c), addDecorator: () => {} },
        ],
      ],
      features: [
        searchModuleRegionExpansionCollator,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: { search: { collators: { regionExpansion: { schedule } } } },
        }),
      ],
    });
    expect(
      collators.map(({ factory }) => [
        factory.type,
        factory.visibilityPermission?.name,
      ]),
    ).toEqual([
      ['region-expansion-location', locationReadPermission.name],
      ['region-expansion-cell', locationReadPermission.name],
      ['region-expansion-tenant', tenantReadPermission.name],
    ]);
    expect(scheduler.createScheduledTaskRunner.mock.calls).toEqual([
      [schedule],
      [schedule],
      [schedule],
    ]);
  });

  it('refuses to start on a bad schedule, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [
            searchIndexRegistryExtensionPoint,
            { addCollator: () => {}, addDecorator: () => {} },
          ],
        ],
        features: [
          searchModuleRegionExpansionCollator,
          mockServices.rootConfig.factory({
            data: {
              search: {
                collators: { regionExpansion: { schedule: { frequency: 1 } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/search\.collators\.regionExpansion\.schedule: /);
  });
});
