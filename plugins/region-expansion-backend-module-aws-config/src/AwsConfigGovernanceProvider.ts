import {
  ConfigServiceClient,
  ConfigurationAggregator,
  DescribeAggregateComplianceByConformancePacksCommand,
  DescribeConfigurationAggregatorsCommand,
} from '@aws-sdk/client-config-service';
import { Config } from '@backstage/config';
import {
  ConformanceScoreRow,
  GovernanceAwsContext,
  governanceCall,
  GovernanceProvider,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  callPages,
  syncTargets,
  TargetReadResult,
  withGovernanceClient,
} from '@region-expansion/plugin-region-expansion-node';
import {
  chooseAggregatorOf,
  conformanceCoverage,
  conformanceScoreRow,
} from './mapConformance';

const PAGE_SIZE = 100;

/**
 * Where a partition's aggregator is read: its account and home Region, and
 * its name (`undefined`: none exists, with the reason).
 */
type Aggregator =
  | { at: GovernanceTarget; name: string; settings: ConfigurationAggregator }
  | { at: GovernanceTarget; name?: undefined; reason: string };

/**
 * Reads AWS Config conformance pack compliance through each partition's
 * configuration aggregator, for every configured account and Region. The
 * aggregator is the configured one, or discovered in the aggregator account
 * (an organization aggregator first). A partition without an aggregator
 * leaves its targets `unavailable` with the reason. A target's scores are
 * replaced only after all its pages were read.
 *
 * @public
 */
export class AwsConfigGovernanceProvider implements GovernanceProvider {
  /** Names the scheduled sync task and the `provider` of `POST /governance/sync`. */
  readonly id = 'config';
  /** Source the conformance pack scores and outcomes are stored under. */
  readonly source = 'config' as const;
  readonly #context: GovernanceAwsContext;
  readonly #aggregatorName?: string;
  readonly #aggregatorAccounts: Record<string, string>;

  private constructor(options: {
    context: GovernanceAwsContext;
    aggregatorName?: string;
    aggregatorAccounts?: Record<string, string>;
  }) {
    this.#context = options.context;
    this.#aggregatorName = options.aggregatorName;
    this.#aggregatorAccounts = options.aggregatorAccounts ?? {};
    for (const [partition, accountId] of Object.entries(
      this.#aggregatorAccounts,
    )) {
      const p = this.#context.partitions.find(x => x.partition === partition);
      if (!p || !p.accounts.includes(accountId)) {
        throw new Error(
          `regionExpansion.governance.awsConfig.aggregatorAccounts.${partition}: account ${accountId} is not a governance target of partition ${partition}`,
        );
      }
    }
  }

  /** Reads `regionExpansion.governance.awsConfig.{aggregatorName, aggregatorAccounts}`. */
  static fromConfig(
    config: Config,
    options: { context?: GovernanceAwsContext } = {},
  ): AwsConfigGovernanceProvider {
    const section = config.getOptionalConfig(
      'regionExpansion.governance.awsConfig',
    );
    const accounts = section?.getOptionalConfig('aggregatorAccounts');
    const aggregatorAccounts: Record<string, string> = {};
    for (const partition of accounts?.keys() ?? []) {
      aggregatorAccounts[partition] = accounts!.getString(partition);
    }
    return new AwsConfigGovernanceProvider({
      context: options.context ?? GovernanceAwsContext.fromConfig(config),
      aggregatorName: section?.getOptionalString('aggregatorName'),
      aggregatorAccounts,
    });
  }

  /** A provider over an existing context (tests, benchmarks). */
  static create(options: {
    context: GovernanceAwsContext;
    aggregatorName?: string;
    aggregatorAccounts?: Record<string, string>;
  }): AwsConfigGovernanceProvider {
    return new AwsConfigGovernanceProvider(options);
  }

  /**
   * One target per configured account and Region; each is read through its
   * partition's aggregator, not in the target itself.
   */
  targets(): GovernanceTarget[] {
    return this.#context.regionalTargets();
  }

  /**
   * Resolves each partition's aggregator once per run, then reads every
   * target's conformance pack compliance through it and replaces the
   * target's scores.
   */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport> {
    const aggregators = new Map<string, Promise<Aggregator>>();
    const aggregatorOf = (partition: string) => {
      let found = aggregators.get(partition);
      if (!found) {
        found = this.#resolveAggregator(ctx, partition);
        aggregators.set(partition, found);
      }
      return found;
    };
    return syncTargets(
      this.source,
      ctx,
      this.#context.concurrency,
      async target => {
        const aggregator = await aggregatorOf(target.partition);
        if (aggregator.name === undefined)
          return {
            status: 'unavailable',
            reason: aggregator.reason,
            kind: 'not-enabled',
          };
        return this.#readTarget(ctx, target, aggregator);
      },
    );
  }

  #withClient<R>(
    at: GovernanceTarget,
    signal: AbortSignal,
    use: (client: ConfigServiceClient) => Promise<R>,
  ): Promise<R> {
    return withGovernanceClient(
      this.#context,
      this.source,
      at,
      signal,
      settings => new ConfigServiceClient(settings),
      use,
    );
  }

  async #resolveAggregator(
    ctx: GovernanceSyncContext,
    partition: string,
  ): Promise<Aggregator> {
    const p = this.#context.partitions.find(x => x.partition === partition);
    if (!p) throw new Error(`Partition ${partition} has no governance targets`);
    const at: GovernanceTarget = {
      partition,
      accountId: this.#aggregatorAccounts[partition] ?? p.accounts[0],
      region: p.homeRegion,
    };
    const call = governanceCall(ctx.signal);
    return this.#withClient(at, ctx.signal, async client => {
      try {
        const found: ConfigurationAggregator[] = [];
        const aggregatorPages = callPages(
          call,
          ctx.signal,
          (NextToken, options) =>
            client.send(
              new DescribeConfigurationAggregatorsCommand({
                ...(this.#aggregatorName
                  ? { ConfigurationAggregatorNames: [this.#aggregatorName] }
                  : {}),
                NextToken,
              }),
              options,
            ),
        );
        for await (const out of aggregatorPages) {
          found.push(...(out.ConfigurationAggregators ?? []));
        }
        const settings = chooseAggregatorOf(found);
        const name = settings?.ConfigurationAggregatorName;
        if (settings && name) return { at, name, settings };
        return {
          at,
          reason: `No AWS Config aggregator in account ${at.accountId} (${at.region}) of partition ${partition}`,
        };
      } catch (error) {
        if (
          (error as Error)?.name === 'NoSuchConfigurationAggregatorException'
        ) {
          return {
            at,
            reason: `AWS Config aggregator ${
              this.#aggregatorName
            } does not exist in account ${at.accountId} (${at.region})`,
          };
        }
        throw error;
      }
    });
  }

  #readTarget(
    ctx: GovernanceSyncContext,
    target: GovernanceTarget,
    aggregator: {
      at: GovernanceTarget;
      name: string;
      settings: ConfigurationAggregator;
    },
  ): Promise<TargetReadResult> {
    const call = governanceCall(ctx.signal);
    return this.#withClient(aggregator.at, ctx.signal, async client => {
      const rows: ConformanceScoreRow[] = [];
      let pages = 0;
      const packPages = callPages(call, ctx.signal, (NextToken, options) =>
        client.send(
          new DescribeAggregateComplianceByConformancePacksCommand({
            ConfigurationAggregatorName: aggregator.name,
            Filters: { AccountId: target.accountId, AwsRegion: target.region },
            Limit: PAGE_SIZE,
            NextToken,
          }),
          options,
        ),
      );
      for await (const out of packPages) {
        pages += 1;
        for (const item of out.AggregateComplianceByConformancePacks ?? []) {
          const row = conformanceScoreRow(item, target.partition);
          // Only the target's own packs: the target's rows are replaced as a whole.
          if (
            row.accountId === target.accountId &&
            row.region === target.region
          )
            rows.push(row);
        }
        ctx.onProgress?.(target, { pages, rows: rows.length });
      }
      await ctx.sink.write(this.source, target, { conformanceScores: rows });
      return {
        status: 'ok',
        pages,
        rows: rows.length,
        coverage: conformanceCoverage(target, aggregator.settings, rows.length),
      };
    });
  }
}
