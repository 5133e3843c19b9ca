import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/config';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import type { DiscoveryService } from '@backstage/backend-plugin-api';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import regionExpansionBackend from '@region-expansion/plugin-region-expansion-backend';
import scaffolderModule from '../index';

/** Starts the real region-expansion backend plugin; returns what the register action needs. */
export async function startRegionExpansionBackend() {
  const backend = await startTestBackend({
    features: [regionExpansionBackend],
  });
  const port = backend.server.port();
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://localhost:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://localhost:${port}/api/${pluginId}`,
  };
  return { backend, discovery, auth: mockServices.auth() };
}

/** The input of the first step of an action example. */
export function exampleInput(example: string): any {
  return yaml.parse(example).steps[0].input;
}

/** A mock action context with a dry-run flag. */
export function mockContext(
  options: Parameters<typeof createMockActionContext>[0] & {
    isDryRun?: boolean;
  },
) {
  const { isDryRun, ...rest } = options ?? {};
  return { ...createMockActionContext(rest), isDryRun };
}

/**
 * Starts the scaffolder with this module and `regionExpansion.scaffolder`
 * set to `scaffolder`; with the region-expansion backend unless `alone`.
 */
export function startScaffolder(
  scaffolder: JsonObject,
  options: { alone?: boolean } = {},
) {
  return startTestBackend({
    features: [
      scaffolderBackend,
      scaffolderModule,
      ...(options.alone ? [] : [regionExpansionBackend]),
      mockServices.rootConfig.factory({
        data: { regionExpansion: { scaffolder } },
      }),
    ],
  });
}
