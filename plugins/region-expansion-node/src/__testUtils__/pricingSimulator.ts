import { PricingClient } from '@aws-sdk/client-pricing';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { setupServer } from 'msw/node';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  FaultInjector,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '../locations';

/**
 * The simulator's Price List API for a test file: an organization over the
 * `aws` and `aws-eusc` partitions of the shipped catalog (3 Regions each),
 * listening from `beforeAll` to `afterAll`, and a real SDK client counting
 * the GetProducts requests it sends. The client keeps the SDK's retry loop
 * but waits 10 ms between attempts: the default jittered backoff (up to
 * seconds per throttled call) made the throttling test's duration random,
 * close to jest's 5 s timeout.
 */
export function usePricingSimulator() {
  const catalog = LocationCatalog.fromSnapshot();
  const org = createSyntheticOrganization(7, {
    partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
    accountsPerPartition: 1,
    regionsPerPartition: 3,
    findingsPerAccountRegion: 0,
  });
  const faults = new FaultInjector({ seed: 5 });
  const server = setupServer(...createAwsSimulatorHandlers(org, faults));
  const requests = { count: 0 };
  server.events.on('request:start', () => {
    requests.count += 1;
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  afterEach(() => {
    faults.faults.throttlePercent = 0;
  });

  const account = org.accounts.find(a => a.partition === 'aws')!;
  return {
    org,
    catalog,
    /** Fault knobs (throttling is turned off after each test). */
    faults,
    requests,
    /** Regions with prices, and one of aws-eusc that has none. */
    pricedRegions: org.regionsOf('aws').map(r => r.id),
    unpricedRegion: org.regionsOf('aws-eusc')[0].id,
    client: (maxAttempts = 1) =>
      new PricingClient({
        region: 'us-east-1',
        endpoint: SIMULATOR_TEST_ENDPOINT,
        retryStrategy: new ConfiguredRetryStrategy(maxAttempts, 10),
        credentials: {
          accessKeyId: accessKeyIdFor(account.id),
          secretAccessKey: 'simulated',
        },
      }),
  };
}
