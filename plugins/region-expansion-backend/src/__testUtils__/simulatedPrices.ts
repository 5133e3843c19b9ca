import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
  simulatorGovernanceConfig,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { setupServer } from 'msw/node';
import { CostService } from '../cost';

/** The aws Regions the simulator prices in these tests. */
export const PRICED_REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1'];

/**
 * The cost service reading the simulator's Price List live through the real
 * SDK, over an organization whose aws Regions are {@link PRICED_REGIONS}
 * (aws-eusc publishes no prices). Listens from `beforeAll` to `afterAll`.
 */
export function useSimulatedPrices() {
  const catalog = LocationCatalog.fromSnapshot();
  const org = createSyntheticOrganization(7, {
    partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']).map(p =>
      p.id === 'aws' ? { ...p, regions: PRICED_REGIONS } : p,
    ),
    accountsPerPartition: 1,
    regionsPerPartition: 3,
    findingsPerAccountRegion: 0,
  });
  const server = setupServer(...createAwsSimulatorHandlers(org));
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => server.close());
  return {
    create: () =>
      CostService.create({
        config: new ConfigReader({
          ...simulatorGovernanceConfig(org, {}),
          regionExpansion: {
            pricing: {
              live: {
                enabled: true,
                account: org.accounts.find(a => a.partition === 'aws')!.id,
                endpoint: SIMULATOR_TEST_ENDPOINT,
                maxAttempts: 1,
              },
            },
          },
        } as any),
        logger: mockServices.logger.mock(),
        catalog,
      }),
  };
}
