import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { setupServer } from 'msw/node';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  FaultInjector,
  quietFaults,
  SIMULATED_ATHENA_DATABASE,
  SIMULATED_ATHENA_TABLE,
  SIMULATOR_TEST_ENDPOINT,
  simulatedEventDataStores,
  simulatedPartitionsOf,
  writeSimulatedCloudTrailLogs,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '../locations';

/**
 * The simulator's CloudTrail Lake and Athena for a test file: an `aws`
 * organization of 3 accounts × 3 Regions whose trail is also written as
 * CloudTrail gzip files under `logs` for the local reader, real SDK clients
 * (2 attempts, so a throttled call fails fast) and the fault knobs, quiet
 * before each test.
 */
export function useCloudTrailEngineSimulator() {
  const org = createSyntheticOrganization(11, {
    partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), ['aws']),
    accountsPerPartition: 3,
    regionsPerPartition: 3,
    findingsPerAccountRegion: 0,
  });
  const faults = new FaultInjector({});
  const server = setupServer(...createAwsSimulatorHandlers(org, faults));
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-footprint-'));
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    writeSimulatedCloudTrailLogs(org, logs);
  });
  beforeEach(() => Object.assign(faults.faults, quietFaults()));
  afterAll(() => {
    server.close();
    fs.rmSync(logs, { recursive: true, force: true });
  });
  const store = simulatedEventDataStores(org)[0];
  const options = (region: string) => ({
    region,
    endpoint: SIMULATOR_TEST_ENDPOINT,
    maxAttempts: 2,
    credentials: {
      accessKeyId: accessKeyIdFor(store.owner),
      secretAccessKey: 'simulated',
    },
  });
  return {
    org,
    faults,
    logs,
    eventDataStore: store.arn,
    database: SIMULATED_ATHENA_DATABASE,
    table: SIMULATED_ATHENA_TABLE,
    /** The whole trail: the 30 days before the organization's base time, and a day more. */
    window: {
      start: new Date(org.baseTime - 31 * 86_400_000),
      end: new Date(org.baseTime),
    },
    lake: () => new CloudTrailClient(options(store.region)),
    athena: () => new AthenaClient(options(store.region)),
    /** Quick polls, so a test waits milliseconds. */
    wait: { initialDelayMs: 1, maxDelayMs: 5 },
  };
}
