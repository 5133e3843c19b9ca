import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import type { Partition } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations';
import {
  GovernanceRateLimiter,
  DEFAULT_GOVERNANCE_RATE_LIMITS,
  RateLimit,
} from './limits';
import type { GovernanceSource, GovernanceTarget } from './types';

/**
 * Configured targets of one partition.
 *
 * @public
 */
export interface GovernancePartitionTargets {
  /** Partition id, e.g. `aws` or `aws-eusc`; a partition of the location catalog. */
  partition: string;
  /** Where aggregated sources (Security Hub, Config aggregator) are read; default the partition's home Region. */
  homeRegion: string;
  /**
   * 12-digit account ids read in this partition, without duplicates; none
   * belongs to another partition in `aws.accounts`.
   */
  accounts: string[];
  /** Regions regional sources (Resilience Hub) are read in; default the home Region. */
  regions: string[];
}

/**
 * SDK client settings for one target, ready to spread into a client constructor.
 *
 * @public
 */
export interface GovernanceClientSettings {
  /** The target's Region, where the client sends its requests. */
  region: string;
  /**
   * SDK credential provider of the target's account, from
   * `@backstage/integration-aws-node` (`aws.*` configuration).
   */
  credentials: Awaited<
    ReturnType<AwsCredentialsManager['getCredentialProvider']>
  >['sdkCredentialProvider'];
  /**
   * Endpoint override: `regionExpansion.governance.endpoints` for the
   * service's signing name, else `regionExpansion.governance.endpoint`;
   * absent to use the SDK's endpoint for the Region.
   */
  endpoint?: string;
  /** SDK attempts per request, the first included (`regionExpansion.governance.maxAttempts`, default 5). */
  maxAttempts: number;
  /** SDK retry mode (`regionExpansion.governance.retryMode`, default `adaptive`). */
  retryMode: 'standard' | 'adaptive';
  /**
   * Request and connection timeouts in milliseconds, both
   * `regionExpansion.governance.requestTimeoutMs` (default 15000).
   */
  requestHandler: { requestTimeout: number; connectionTimeout: number };
}

/** Signing names of the services, also the keys of `regionExpansion.governance.endpoints`. */
const SERVICE_OF_SOURCE: Record<GovernanceSource, string> = {
  securityhub: 'securityhub',
  'securityhub-ocsf': 'securityhub',
  resiliencehub: 'resiliencehub',
  auditmanager: 'auditmanager',
  config: 'config',
};

/**
 * The backend's AWS access for governance: targets from configuration,
 * credentials per account through `@backstage/integration-aws-node`, endpoint
 * overrides, retry settings and the shared rate limiter. Nothing crosses a
 * partition: a target's partition must be the account's partition.
 *
 * Reads `aws.*` and, under `regionExpansion.governance`: `targets`,
 * `endpoint`, `endpoints`, `maxAttempts`, `retryMode`, `requestTimeoutMs`,
 * `concurrency` and `rateLimits`.
 *
 * @public
 */
export class GovernanceAwsContext {
  /** Validated targets per partition, from `regionExpansion.governance.targets`. */
  readonly partitions: GovernancePartitionTargets[];
  /** Targets a provider run reads at once (`regionExpansion.governance.concurrency`, default 4). */
  readonly concurrency: number;
  /**
   * Limiter every client built with this context is paced by:
   * {@link DEFAULT_GOVERNANCE_RATE_LIMITS} overridden per API by
   * `regionExpansion.governance.rateLimits`.
   */
  readonly rateLimiter: GovernanceRateLimiter;
  readonly #credentials: AwsCredentialsManager;
  readonly #catalog: Pick<LocationCatalog, 'regions'>;
  readonly #endpoint?: string;
  readonly #endpoints: Record<string, string>;
  readonly #maxAttempts: number;
  readonly #retryMode: 'standard' | 'adaptive';
  readonly #requestTimeoutMs: number;

  private constructor(options: {
    partitions: GovernancePartitionTargets[];
    credentials: AwsCredentialsManager;
    catalog: Pick<LocationCatalog, 'regions'>;
    endpoint?: string;
    endpoints: Record<string, string>;
    maxAttempts: number;
    retryMode: 'standard' | 'adaptive';
    requestTimeoutMs: number;
    concurrency: number;
    rateLimits: Record<string, RateLimit>;
  }) {
    this.partitions = options.partitions;
    this.#credentials = options.credentials;
    this.#catalog = options.catalog;
    this.#endpoint = options.endpoint;
    this.#endpoints = options.endpoints;
    this.#maxAttempts = options.maxAttempts;
    this.#retryMode = options.retryMode;
    this.#requestTimeoutMs = options.requestTimeoutMs;
    this.concurrency = options.concurrency;
    this.rateLimiter = new GovernanceRateLimiter(options.rateLimits);
  }

  /**
   * Reads the governance configuration. Throws on a target whose partition is
   * unknown, whose Regions are outside the partition, or whose account is
   * configured for another partition in `aws.accounts`.
   */
  static fromConfig(
    config: Config,
    options: {
      credentialsManager?: AwsCredentialsManager;
      catalog?: LocationCatalog;
    } = {},
  ): GovernanceAwsContext {
    const catalog = options.catalog ?? LocationCatalog.fromSnapshot();
    const governance = config.getOptionalConfig('regionExpansion.governance');
    const accountPartition = accountPartitions(config);
    const partitions = (
      governance?.getOptionalConfigArray('targets') ?? []
    ).map(target =>
      resolvePartitionTargets(
        {
          partition: target.getString('partition'),
          homeRegion: target.getOptionalString('homeRegion'),
          accounts: target.getStringArray('accounts'),
          regions: target.getOptionalStringArray('regions'),
        },
        catalog,
        accountPartition,
      ),
    );
    const retryMode = governance?.getOptionalString('retryMode') ?? 'adaptive';
    if (retryMode !== 'standard' && retryMode !== 'adaptive') {
      throw new Error(
        `regionExpansion.governance.retryMode must be standard or adaptive, got ${retryMode}`,
      );
    }
    const rateLimits: Record<string, RateLimit> = {
      ...DEFAULT_GOVERNANCE_RATE_LIMITS,
    };
    const configuredLimits = governance?.getOptionalConfig('rateLimits');
    for (const api of configuredLimits?.keys() ?? []) {
      rateLimits[api] = {
        ratePerSecond: configuredLimits!.getNumber(`${api}.ratePerSecond`),
        burst: configuredLimits!.getNumber(`${api}.burst`),
      };
    }
    const endpoints: Record<string, string> = {};
    const endpointsConfig = governance?.getOptionalConfig('endpoints');
    for (const service of endpointsConfig?.keys() ?? []) {
      endpoints[service] = endpointsConfig!.getString(service);
    }
    return new GovernanceAwsContext({
      partitions,
      credentials:
        options.credentialsManager ??
        DefaultAwsCredentialsManager.fromConfig(config),
      catalog,
      endpoint: governance?.getOptionalString('endpoint'),
      endpoints,
      maxAttempts: governance?.getOptionalNumber('maxAttempts') ?? 5,
      retryMode,
      requestTimeoutMs:
        governance?.getOptionalNumber('requestTimeoutMs') ?? 15_000,
      concurrency: governance?.getOptionalNumber('concurrency') ?? 4,
      rateLimits,
    });
  }

  /**
   * Every Region of a partition in the location catalog, sorted (Security
   * Hub's `ALL_REGIONS` linking is expanded to these).
   */
  regionsOf(partition: string): string[] {
    return this.#catalog
      .regions()
      .filter(r => r.partition === partition)
      .map(r => r.id)
      .sort();
  }

  /** One target per account in the home Region of each partition (aggregated sources). */
  homeRegionTargets(): GovernanceTarget[] {
    return this.partitions.flatMap(p =>
      p.accounts.map(accountId => ({
        partition: p.partition,
        accountId,
        region: p.homeRegion,
      })),
    );
  }

  /** One target per account and configured Region (regional sources). */
  regionalTargets(): GovernanceTarget[] {
    return this.partitions.flatMap(p =>
      p.accounts.flatMap(accountId =>
        p.regions.map(region => ({
          partition: p.partition,
          accountId,
          region,
        })),
      ),
    );
  }

  /** Client settings for a target: Region, the account's credentials, endpoint override and retries. */
  async clientSettings(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<GovernanceClientSettings> {
    const partition = this.partitions.find(
      p => p.partition === target.partition,
    );
    if (!partition || !partition.accounts.includes(target.accountId)) {
      throw new Error(
        `Account ${target.accountId} is not a configured governance target of partition ${target.partition}`,
      );
    }
    const provider = await this.#credentials.getCredentialProvider({
      accountId: target.accountId,
    });
    const endpoint =
      this.#endpoints[SERVICE_OF_SOURCE[source]] ?? this.#endpoint;
    return {
      region: target.region,
      credentials: provider.sdkCredentialProvider,
      ...(endpoint ? { endpoint } : {}),
      maxAttempts: this.#maxAttempts,
      retryMode: this.#retryMode,
      requestHandler: {
        requestTimeout: this.#requestTimeoutMs,
        connectionTimeout: this.#requestTimeoutMs,
      },
    };
  }
}

/**
 * Partition of each account as `aws.*` declares it: `aws.accounts[].partition`,
 * else `aws.accountDefaults.partition` for accounts reached through a role,
 * else `aws` for role-based accounts (the integration's default). Accounts
 * with static keys and no role declare no partition (the integration forbids
 * one without a role): `undefined`.
 */
function accountPartitions(
  config: Config,
): (accountId: string) => string | undefined {
  const defaults = config.getOptionalConfig('aws.accountDefaults');
  const defaultPartition =
    defaults?.getOptionalString('partition') ??
    (defaults?.getOptionalString('roleName') ? 'aws' : undefined);
  const byAccount = new Map<string, string | undefined>();
  for (const account of config.getOptionalConfigArray('aws.accounts') ?? []) {
    const viaRole = !!account.getOptionalString('roleName');
    byAccount.set(
      account.getString('accountId'),
      account.getOptionalString('partition') ??
        (viaRole
          ? defaults?.getOptionalString('partition') ?? 'aws'
          : undefined),
    );
  }
  return accountId =>
    byAccount.has(accountId) ? byAccount.get(accountId) : defaultPartition;
}

/**
 * Validates one partition's targets against the location catalog and the
 * accounts' partitions.
 *
 * @public
 */
export function resolvePartitionTargets(
  input: {
    partition: string;
    homeRegion?: string;
    accounts: string[];
    regions?: string[];
  },
  catalog: Pick<LocationCatalog, 'partition' | 'get'>,
  partitionOfAccount: (accountId: string) => string | undefined,
): GovernancePartitionTargets {
  const partition: Partition | undefined = catalog.partition(input.partition);
  if (!partition)
    throw new Error(
      `Governance target partition ${input.partition} is not a known partition`,
    );
  const homeRegion = input.homeRegion ?? partition.homeRegion;
  const regions = input.regions ?? [homeRegion];
  for (const region of [homeRegion, ...regions]) {
    const location = catalog.get(region);
    if (!location || location.partition !== partition.id) {
      throw new Error(
        `Region ${region} of governance target ${partition.id} is not in partition ${partition.id}`,
      );
    }
  }
  for (const accountId of input.accounts) {
    if (!/^\d{12}$/.test(accountId))
      throw new Error(
        `Governance target account ${accountId} is not a 12-digit account id`,
      );
    const accountPartition = partitionOfAccount(accountId);
    if (accountPartition !== undefined && accountPartition !== partition.id) {
      throw new Error(
        `Account ${accountId} belongs to partition ${accountPartition} (aws.accounts) but is a governance target of ${partition.id}: nothing crosses a partition`,
      );
    }
  }
  return {
    partition: partition.id,
    homeRegion,
    accounts: [...new Set(input.accounts)],
    regions: [...new Set(regions)],
  };
}
