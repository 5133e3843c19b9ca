import { setupServer, SetupServer } from 'msw/node';
import { FaultInjector } from './faults';
import { createAwsSimulatorHandlers } from './handlers';
import {
  createSyntheticOrganization,
  SimulatedPartition,
  SyntheticOrganization,
  SyntheticOrganizationSize,
} from './organization';
import { simulatorGovernanceConfig } from './simulatorGovernanceConfig';
import { serveDuringTests } from './serveDuringTests';

export { quietFaults } from './faults';
export { simulatorGovernanceConfig } from './simulatorGovernanceConfig';

/**
 * Endpoint every SDK client of a test is pointed at; msw answers it.
 *
 * @public
 */
export const SIMULATOR_TEST_ENDPOINT = 'http://aws-simulator.test';

/**
 * JSON configuration data, as `ConfigReader` takes it.
 *
 * @public
 */
export type SimulatorConfigValue =
  | string
  | number
  | boolean
  | null
  | SimulatorConfigValue[]
  | SimulatorConfigData;

/**
 * A JSON object of configuration data.
 *
 * @public
 */
export type SimulatorConfigData = {
  [key in string]?: SimulatorConfigValue;
};

/**
 * The account, Region and partition a governance read is about.
 *
 * @public
 */
export interface SimulatedTarget {
  /** Partition id, e.g. `aws`. */
  partition: string;
  /** 12-digit account id. */
  accountId: string;
  /** Region code, e.g. `us-east-1`. */
  region: string;
}

/**
 * Key of a target in test maps: `partition/account/Region`.
 *
 * @public
 */
export function targetKey(target: SimulatedTarget): string {
  return `${target.partition}/${target.accountId}/${target.region}`;
}

/**
 * The part of a location catalog simulated partitions are read from (a
 * `LocationCatalog` fits).
 *
 * @public
 */
export interface SimulatorPartitionCatalog {
  /** DNS suffix and home Region of a partition; `undefined` for an unknown id. */
  partition(id: string): { dnsSuffix: string; homeRegion: string } | undefined;
  /** Every Region the catalog knows, with the id of its partition. */
  regions(): ReadonlyArray<{ id: string; partition: string }>;
}

/**
 * Simulated partitions with every Region the catalog knows of them.
 *
 * @public
 */
export function simulatedPartitionsOf(
  catalog: SimulatorPartitionCatalog,
  ids: readonly string[],
): SimulatedPartition[] {
  return ids.map(id => {
    const p = catalog.partition(id)!;
    return {
      id,
      dnsSuffix: p.dnsSuffix,
      homeRegion: p.homeRegion,
      regions: catalog
        .regions()
        .filter(r => r.partition === id)
        .map(r => r.id),
    };
  });
}

/**
 * Options of {@link createGovernanceTestHarness}: the organization's seed
 * and size, and the seed of the fault dice. The organization spans the
 * `aws` and `aws-eusc` partitions of `catalog` with 3 accounts, 2 Regions
 * and 1 finding per account and Region unless told otherwise.
 *
 * @public
 */
export interface GovernanceTestHarnessOptions
  extends Partial<Omit<SyntheticOrganizationSize, 'partitions'>> {
  /** Seed of the synthetic organization. */
  seed: number;
  /** Seed of the fault dice (see `AwsSimulatorFaults.seed`). */
  faultSeed: number;
  /** Where partitions and their Regions are read from, e.g. `LocationCatalog.fromSnapshot()`. */
  catalog: SimulatorPartitionCatalog;
  /** Default `['aws', 'aws-eusc']`. */
  partitionIds?: string[];
}

/**
 * What {@link createGovernanceTestHarness} sets up.
 *
 * @public
 */
export interface GovernanceTestHarness {
  /** The seeded organization the handlers answer from. */
  org: SyntheticOrganization;
  /**
   * The fault injector of the handlers; its knobs are reset to
   * {@link quietFaults} before each test (request counts are not).
   */
  faults: FaultInjector;
  /**
   * The msw server, listening from `beforeAll` to `afterAll` and failing
   * unhandled requests.
   */
  server: SetupServer;
  /**
   * Configuration of every simulated account (static keys the simulator
   * maps back to the account) and of `regionExpansion.governance` over the
   * simulator: `governance` is merged in; targets list every account of
   * each partition, with the organization's Regions when `regional`.
   */
  config(
    governance?: SimulatorConfigData,
    options?: { regional?: boolean },
  ): SimulatorConfigData;
  /**
   * A sync context factory whose sink keeps the last rows `pick` selects per
   * target; cursors are not kept.
   */
  rowsByTarget<Rows, Row>(
    pick: (rows: Rows) => Row[] | undefined,
  ): {
    byTarget: Map<string, Row[]>;
    ctx(signal?: AbortSignal): {
      targets: SimulatedTarget[];
      signal: AbortSignal;
      now(): Date;
      logger: { info(message: string): void; warn(message: string): void };
      cursors: {
        get(): Promise<undefined>;
        set(): Promise<void>;
      };
      sink: {
        write(
          source: string,
          target: SimulatedTarget,
          rows: Rows,
        ): Promise<void>;
      };
    };
    all(): Row[];
  };
}

/**
 * Sets up a governance provider test: a seeded organization, a fault
 * injector and an msw server speaking the AWS protocols, listening for the
 * whole file, with every fault off before each test. Call it at the top
 * level of a Jest test file.
 *
 * @public
 */
export function createGovernanceTestHarness(
  options: GovernanceTestHarnessOptions,
): GovernanceTestHarness {
  const {
    seed,
    faultSeed,
    catalog,
    partitionIds = ['aws', 'aws-eusc'],
    ...size
  } = options;
  const partitions = simulatedPartitionsOf(catalog, partitionIds);
  const org = createSyntheticOrganization(seed, {
    accountsPerPartition: 3,
    regionsPerPartition: 2,
    findingsPerAccountRegion: 1,
    ...size,
    partitions,
  });
  const faults = new FaultInjector({ seed: faultSeed });
  const server = setupServer(...createAwsSimulatorHandlers(org, faults));
  serveDuringTests(server, faults);

  return {
    org,
    faults,
    server,
    config(governance = {}, { regional = false } = {}) {
      return simulatorGovernanceConfig(org, {
        endpoint: SIMULATOR_TEST_ENDPOINT,
        maxAttempts: 4,
        retryMode: 'standard',
        ...governance,
        targets: partitions.map(p => ({
          partition: p.id,
          accounts: org.accounts
            .filter(a => a.partition === p.id)
            .map(a => a.id),
          ...(regional ? { regions: org.regionsOf(p.id).map(r => r.id) } : {}),
        })),
      });
    },
    rowsByTarget<Rows, Row>(pick: (rows: Rows) => Row[] | undefined) {
      const byTarget = new Map<string, Row[]>();
      const ctx = (signal: AbortSignal = new AbortController().signal) => ({
        targets: [] as SimulatedTarget[],
        signal,
        now: () => new Date(org.clock),
        logger: { info: () => {}, warn: () => {} },
        cursors: { get: async () => undefined, set: async () => {} },
        sink: {
          write: async (_s: string, t: SimulatedTarget, rows: Rows) => {
            const picked = pick(rows);
            if (picked) byTarget.set(targetKey(t), picked);
          },
        },
      });
      return { byTarget, ctx, all: () => [...byTarget.values()].flat() };
    },
  };
}
