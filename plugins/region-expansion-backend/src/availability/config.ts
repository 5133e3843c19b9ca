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
  /** Account whose credentials read SSM in each partition. */
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
 * `account` (default: per partition, its first governance target account)
 * and `schedule` (the scheduler's config reader). Invalid values stop the
 * start with the key named.
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
  const account = config.getOptionalString(`${PREFIX}.account`);
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw new Error(
      `Invalid config at ${PREFIX}.account: '${account}' must be a 12-digit account id`,
    );
  }
  const governanceAccounts = new Map<string, string>();
  for (const target of config.getOptionalConfigArray(
    'regionExpansion.governance.targets',
  ) ?? []) {
    const partition = target.getString('partition');
    const first = target.getStringArray('accounts')[0];
    if (first && !governanceAccounts.has(partition)) {
      governanceAccounts.set(partition, first);
    }
  }
  const accountOf: Record<string, string> = {};
  for (const partition of partitions) {
    const chosen = account ?? governanceAccounts.get(partition);
    if (enabled && !chosen) {
      throw new Error(
        `Invalid config at ${PREFIX}.account: no account reads SSM in partition ${partition}; set ${PREFIX}.account or a regionExpansion.governance.targets entry for ${partition}`,
      );
    }
    if (chosen) accountOf[partition] = chosen;
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
 * The AWS context live availability reads SSM through: the governance
 * mechanics (`GovernanceAwsContext`: credentials of `aws.accounts` /
 * `aws.mainAccount` through `@backstage/integration-aws-node`, the
 * `regionExpansion.governance` endpoint override, retries and timeouts, and
 * the check that an account never crosses a partition), with one target per
 * partition: the account of {@link AvailabilityLiveConfig.accountOf} in the
 * partition's home Region. The endpoint is `regionExpansion.governance.endpoints.ssm`,
 * else `regionExpansion.governance.endpoint`.
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
  return GovernanceAwsContext.fromConfig(derived, options);
}
