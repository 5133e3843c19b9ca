import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  AvailabilityIndex,
  GovernanceAwsContext,
} from '@region-expansion/plugin-region-expansion-node';

const PREFIX = 'regionExpansion.availability.live';

/**
 * Live availability settings read from `regionExpansion.availability.live`.
 *
 * @public
 */
export interface AvailabilityLiveConfig {
  /** Refreshes run (scheduled and on request) only when true. */
  enabled: boolean;
  /** Partition ids read by a refresh, in order. */
  partitions: string[];
  /**
   * Account whose credentials read SSM, per partition; a partition without
   * one is skipped by every refresh (never read with another partition's
   * account).
   */
  accountOf: Record<string, string>;
  /** Schedule of the `region-expansion-availability` task. */
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * Default schedule: daily, first run a minute after start, at most 10
 * minutes per run.
 *
 * @public
 */
export const DEFAULT_AVAILABILITY_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  };

/**
 * Reads `regionExpansion.availability.live`: `enabled` (default false),
 * `partitions` (default every partition of the availability snapshot),
 * `accounts` (per partition; default the partition's first account in
 * `regionExpansion.governance.targets`, the same accounts governance reads
 * with) and `schedule` (the scheduler's config reader). Nothing crosses a
 * partition: an account reads one partition only, and one that governance
 * targets in another partition is refused. Invalid values stop the start
 * with the key named.
 *
 * @public
 */
export function readAvailabilityConfig(
  config: RootConfigService | Config,
  options: { knownPartitions?: string[] } = {},
): AvailabilityLiveConfig {
  const known =
    options.knownPartitions ??
    Object.keys(AvailabilityIndex.fromSnapshot().toSnapshot().partitions);
  const enabled = config.getOptionalBoolean(`${PREFIX}.enabled`) ?? false;
  const partitions = [
    ...new Set(config.getOptionalStringArray(`${PREFIX}.partitions`) ?? known),
  ];
  partitions.forEach((partition, index) => {
    if (!known.includes(partition)) {
      throw new Error(
        `Invalid config at ${PREFIX}.partitions[${index}]: '${partition}' is not a partition of the availability snapshot (${known.join(
          ', ',
        )})`,
      );
    }
  });
  if (config.getOptional(`${PREFIX}.account`) !== undefined) {
    throw new Error(
      `Invalid config at ${PREFIX}.account: one account cannot read every partition (nothing crosses a partition); name one per partition under ${PREFIX}.accounts, e.g. accounts.aws and accounts.aws-eusc, or leave them to regionExpansion.governance.targets`,
    );
  }
  // Partition of each account governance reads, and each partition's first.
  const governancePartitionOf = new Map<string, string>();
  const governanceFirst = new Map<string, string>();
  for (const target of config.getOptionalConfigArray(
    'regionExpansion.governance.targets',
  ) ?? []) {
    const partition = target.getString('partition');
    const accounts = target.getStringArray('accounts');
    for (const accountId of accounts) {
      if (!governancePartitionOf.has(accountId)) {
        governancePartitionOf.set(accountId, partition);
      }
    }
    if (accounts[0] && !governanceFirst.has(partition)) {
      governanceFirst.set(partition, accounts[0]);
    }
  }
  const configured = config.getOptionalConfig(`${PREFIX}.accounts`);
  const accountOf: Record<string, string> = {};
  const partitionOfAccount = new Map<string, string>();
  for (const partition of configured?.keys() ?? []) {
    const key = `${PREFIX}.accounts.${partition}`;
    if (!partitions.includes(partition)) {
      throw new Error(
        `Invalid config at ${key}: '${partition}' is not a partition this refresh reads (${partitions.join(
          ', ',
        )})`,
      );
    }
    const accountId = configured!.getString(partition);
    if (!/^\d{12}$/.test(accountId)) {
      throw new Error(
        `Invalid config at ${key}: '${accountId}' must be a 12-digit account id`,
      );
    }
    const governancePartition = governancePartitionOf.get(accountId);
    if (governancePartition && governancePartition !== partition) {
      throw new Error(
        `Invalid config at ${key}: account ${accountId} is a governance target of partition ${governancePartition} (regionExpansion.governance.targets); nothing crosses a partition`,
      );
    }
    const other = partitionOfAccount.get(accountId);
    if (other) {
      throw new Error(
        `Invalid config at ${key}: account ${accountId} also reads partition ${other}; an account belongs to one partition`,
      );
    }
    partitionOfAccount.set(accountId, partition);
    accountOf[partition] = accountId;
  }
  for (const partition of partitions) {
    const fallback = governanceFirst.get(partition);
    if (!accountOf[partition] && fallback) accountOf[partition] = fallback;
  }
  const scheduleConfig = config.getOptionalConfig(`${PREFIX}.schedule`);
  return {
    enabled,
    partitions,
    accountOf,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_AVAILABILITY_SCHEDULE,
  };
}

/**
 * Why a refresh skips `partition`: no account reads SSM in it.
 *
 * @public
 */
export function noAccountReason(partition: string): string {
  return `no account reads SSM in partition ${partition}: set ${PREFIX}.accounts.${partition} or a regionExpansion.governance.targets entry for ${partition}`;
}

/**
 * The AWS context live availability reads SSM through: the governance
 * mechanics (`GovernanceAwsContext`: credentials of `aws.accounts` /
 * `aws.mainAccount` through `@backstage/integration-aws-node`, the
 * `regionExpansion.governance` endpoint override, retries and timeouts, and
 * the check that an account never crosses a partition), with one target per
 * partition: the account of {@link AvailabilityLiveConfig.accountOf} in the
 * partition's home Region; a partition without an account has no target.
 * The endpoint is `regionExpansion.governance.endpoints.ssm`, else
 * `regionExpansion.governance.endpoint`. An account that `aws.accounts`
 * places in another partition stops the start with the key named.
 *
 * @public
 */
export function availabilityAwsContext(
  config: Config,
  live: Pick<AvailabilityLiveConfig, 'partitions' | 'accountOf'>,
  options: Parameters<typeof GovernanceAwsContext.fromConfig>[1] = {},
): GovernanceAwsContext {
  const governance = config.getOptionalConfig('regionExpansion.governance');
  const endpoint =
    governance?.getOptionalString('endpoints.ssm') ??
    governance?.getOptionalString('endpoint');
  const copied: JsonObject = {};
  for (const key of ['maxAttempts', 'retryMode', 'requestTimeoutMs']) {
    const value = governance?.getOptional(key);
    if (value !== undefined) copied[key] = value;
  }
  const aws = config.getOptional('aws');
  const derived = new ConfigReader({
    ...(aws !== undefined ? { aws } : {}),
    regionExpansion: {
      governance: {
        ...copied,
        ...(endpoint ? { endpoint } : {}),
        targets: live.partitions
          .filter(partition => live.accountOf[partition])
          .map(partition => ({
            partition,
            accounts: [live.accountOf[partition]],
          })),
      },
    },
  });
  try {
    return GovernanceAwsContext.fromConfig(derived, options);
  } catch (error) {
    // The derived config calls every account a governance target: say
    // that live availability's accounts are meant.
    throw new Error(
      `Invalid config for ${PREFIX} (accounts per partition): ${
        (error as Error).message
      }`,
    );
  }
}
