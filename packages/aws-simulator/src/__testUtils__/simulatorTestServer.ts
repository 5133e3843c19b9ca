import { setupServer } from 'msw/node';
import { FaultInjector } from '../faults';
import { createAwsSimulatorHandlers } from '../handlers';
import { createSyntheticOrganization } from '../organization';
import { accessKeyIdFor } from '../protocol';
import { quietFaults } from '../testing';
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

/** Starts the msw server for the file's tests and resets the fault knobs after each. */
export function useSimulatorTestServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  afterEach(() => {
    Object.assign(faults.faults, quietFaults());
  });
}

export const [aws, eusc] = testPartitions;
export const ENDPOINT = 'http://aws-simulator.test';
export const credentialsOf = (accountId: string) => ({
  accessKeyId: accessKeyIdFor(accountId),
  secretAccessKey: 'x',
  sessionToken: 'y',
});
export const awsAccount = org.accounts.find(a => a.partition === aws.id)!;
export const euscAccount = org.accounts.find(a => a.partition === eusc.id)!;
