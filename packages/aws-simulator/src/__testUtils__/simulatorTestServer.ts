import { setupServer } from 'msw/node';
import { FaultInjector } from '../faults';
import { createAwsSimulatorHandlers } from '../handlers';
import { createSyntheticOrganization } from '../organization';
import { accessKeyIdFor } from '../protocol';
import { serveDuringTests } from '../serveDuringTests';
import { SIMULATOR_TEST_ENDPOINT } from '../testing';
import { testPartitions } from './partitions';

/**
 * The organization, fault knobs and msw server every service's handler
 * tests share: 2 partitions, 3 accounts and 3 Regions each, 40 findings per
 * account and Region. Each test file gets its own (Jest isolates modules).
 */
export const org = createSyntheticOrganization(42, {
  partitions: testPartitions,
  accountsPerPartition: 3,
  regionsPerPartition: 3,
  findingsPerAccountRegion: 40,
});
export const faults = new FaultInjector({});
export const server = setupServer(
  ...createAwsSimulatorHandlers(org, faults, {
    globalInfrastructure: {
      regions: testPartitions.flatMap(p =>
        p.regions.map(id => ({
          id,
          partition: p.id,
          longName: `Region ${id}`,
        })),
      ),
      services: [
        { code: 's3', regions: testPartitions.flatMap(p => p.regions) },
        { code: 'kms', regions: testPartitions.flatMap(p => p.regions) },
        { code: 'bedrock', regions: [testPartitions[0].regions[1]] },
      ],
    },
  }),
);

/** Starts the msw server for the file's tests, every fault off before each. */
export function useSimulatorTestServer(): void {
  serveDuringTests(server, faults);
}

export const [aws, eusc] = testPartitions;
export const ENDPOINT = SIMULATOR_TEST_ENDPOINT;
export const credentialsOf = (accountId: string) => ({
  accessKeyId: accessKeyIdFor(accountId),
  secretAccessKey: 'x',
  sessionToken: 'y',
});
export const awsAccount = org.accounts.find(a => a.partition === aws.id)!;
export const euscAccount = org.accounts.find(a => a.partition === eusc.id)!;

/**
 * Options of a real SDK client of `accountId` in `region`, sent to the test
 * endpoint (or, with `realHost`, to the service's own host name, which msw
 * answers too).
 */
export function clientOptions(
  region: string,
  accountId: string,
  options: { maxAttempts?: number; realHost?: boolean } = {},
) {
  return {
    region,
    credentials: credentialsOf(accountId),
    ...(options.realHost ? {} : { endpoint: ENDPOINT }),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  };
}

/** Every page of a paged call: `send` is called with each page's token until a page has none. */
export async function allPages<P>(
  send: (token: string | undefined) => Promise<P>,
  tokenOf: (page: P) => string | undefined,
): Promise<P[]> {
  const pages: P[] = [];
  let token: string | undefined;
  do {
    const page = await send(token);
    pages.push(page);
    token = tokenOf(page);
  } while (token);
  return pages;
}
