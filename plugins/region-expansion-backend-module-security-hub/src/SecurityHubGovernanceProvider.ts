import {
  GetAggregatorV2Command,
  GetFindingAggregatorCommand,
  GetFindingsCommand,
  GetFindingsV2Command,
  ListAggregatorsV2Command,
  ListFindingAggregatorsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { Config } from '@backstage/config';
import {
  callPages,
  classifyAwsError,
  GovernanceAwsContext,
  GovernanceCall,
  GovernanceCoverage,
  GovernanceFindingRow,
  GovernanceProvider,
  GovernanceSource,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  readGovernanceChoice,
  readGovernanceDuration,
  reasonKindOfFailure,
  syncTargetsWithClient,
  TargetReadResult,
} from '@region-expansion/plugin-region-expansion-node';
import { findingAggregatorCoverage } from './findingAggregatorCoverage';
import { rowFromAsff, rowFromOcsf } from './mapFindings';

/**
 * Position of the incremental read of one target. A run reads the
 * `UpdatedAt` window `[start, until]` where `start` is `since` minus the
 * lookback; while a window is being read, its `start`, `until` and next page
 * token are kept so an interrupted run resumes the same request.
 *
 * @public
 */
export interface SecurityHubCursor {
  /** End of the last completed window (the start of the run that read it), ISO; absent before the first run completed. */
  since?: string;
  /** Start of the window being read (inclusive), ISO: `since` minus the lookback; absent on the first run (everything). */
  start?: string;
  /** End of the window being read, ISO. */
  until?: string;
  /** Next page of the window being read. */
  nextToken?: string;
}

const PAGE_SIZE = 100;

/**
 * Default of `regionExpansion.governance.securityHub.lookback`: how far
 * before the previous run's start each run re-reads.
 *
 * @public
 */
export const DEFAULT_SECURITY_HUB_LOOKBACK_MS = 3_600_000;
const LOOKBACK_KEY = 'regionExpansion.governance.securityHub.lookback';

/**
 * Reads Security Hub findings of every configured account from its
 * partition's home Region (where findings of all Regions are aggregated),
 * incrementally by `UpdatedAt`: each run reads the window from the previous
 * run's start minus a lookback (default one hour) to now, and persists the
 * page token after every page, so an interrupted run resumes where it
 * stopped. The lookback catches findings that Security Hub makes visible
 * after a run with an earlier `UpdatedAt` (delayed ingestion and
 * cross-Region aggregation); re-read findings are upserts, so they change
 * nothing. `api: 'ocsf'` uses GetFindingsV2 instead of GetFindings.
 *
 * @public
 */
export class SecurityHubGovernanceProvider implements GovernanceProvider {
  /** Same as `source`; names the scheduled sync task and the `provider` of `POST /governance/sync`. */
  readonly id: string;
  /** `securityhub`, or `securityhub-ocsf` with `api: 'ocsf'`: findings and cursors of the two APIs are kept apart. */
  readonly source: GovernanceSource;
  readonly #context: GovernanceAwsContext;
  readonly #api: 'asff' | 'ocsf';
  readonly #lookbackMs: number;

  private constructor(
    context: GovernanceAwsContext,
    api: 'asff' | 'ocsf',
    lookbackMs: number,
  ) {
    this.#context = context;
    this.#api = api;
    this.#lookbackMs = lookbackMs;
    this.source = api === 'ocsf' ? 'securityhub-ocsf' : 'securityhub';
    this.id = this.source;
  }

  /**
   * Reads `regionExpansion.governance.securityHub.api` (`asff` default, or
   * `ocsf`) and `.lookback` (a duration, default one hour).
   */
  static fromConfig(
    config: Config,
    options: { context?: GovernanceAwsContext } = {},
  ): SecurityHubGovernanceProvider {
    const api = readGovernanceChoice(
      config,
      'regionExpansion.governance.securityHub.api',
      ['asff', 'ocsf'] as const,
      'asff',
    );
    const lookbackMs = readGovernanceDuration(
      config,
      LOOKBACK_KEY,
      DEFAULT_SECURITY_HUB_LOOKBACK_MS,
    );
    return new SecurityHubGovernanceProvider(
      options.context ?? GovernanceAwsContext.fromConfig(config),
      api,
      lookbackMs,
    );
  }

  /** A provider over an existing context (tests, benchmarks). */
  static create(options: {
    context: GovernanceAwsContext;
    api?: 'asff' | 'ocsf';
    /** Default {@link DEFAULT_SECURITY_HUB_LOOKBACK_MS}. */
    lookbackMs?: number;
  }): SecurityHubGovernanceProvider {
    const lookbackMs = options.lookbackMs ?? DEFAULT_SECURITY_HUB_LOOKBACK_MS;
    if (!(lookbackMs >= 0))
      throw new Error(`lookbackMs: must not be negative, got ${lookbackMs}`);
    return new SecurityHubGovernanceProvider(
      options.context,
      options.api ?? 'asff',
      lookbackMs,
    );
  }

  /**
   * One target per configured account, in its partition's home Region, where
   * findings of all Regions are aggregated.
   */
  targets(): GovernanceTarget[] {
    return this.#context.homeRegionTargets();
  }

  /**
   * Reads each target's findings updated since the previous run's start
   * minus the lookback (all on the first run), writing every page to the
   * sink and storing the cursor after it, so an interrupted run resumes at
   * that page.
   */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport> {
    return syncTargetsWithClient(
      this.#context,
      this.source,
      ctx,
      settings => new SecurityHubClient(settings),
      (client, call, target) => this.#readTarget(ctx, client, call, target),
    );
  }

  async #readTarget(
    ctx: GovernanceSyncContext,
    client: SecurityHubClient,
    call: GovernanceCall,
    target: GovernanceTarget,
  ): Promise<TargetReadResult> {
    const stored = await ctx.cursors.get(this.source, target);
    const cursor: SecurityHubCursor = stored ? JSON.parse(stored) : {};
    const resuming = !!(cursor.nextToken && cursor.until);
    // A cursor written before the lookback existed has no `start`: its
    // window began at `since`.
    const window = resuming
      ? { start: cursor.start ?? cursor.since, until: cursor.until! }
      : {
          start:
            cursor.since === undefined
              ? undefined
              : new Date(
                  Date.parse(cursor.since) - this.#lookbackMs,
                ).toISOString(),
          until: ctx.now().toISOString(),
        };
    let nextToken = resuming ? cursor.nextToken : undefined;
    let pages = 0;
    let rows = 0;
    for (;;) {
      let page: { rows: GovernanceFindingRow[]; nextToken?: string };
      try {
        page = await this.#fetchPage(
          client,
          ctx,
          call,
          target,
          window,
          nextToken,
        );
      } catch (error) {
        if (
          nextToken &&
          classifyAwsError(error).kind === 'invalid-request' &&
          pages === 0
        ) {
          ctx.logger.warn(
            `Security Hub rejected the stored page token for ${target.accountId}; re-reading the window`,
          );
          nextToken = undefined;
          continue;
        }
        throw error;
      }
      await ctx.sink.write(this.source, target, { findings: page.rows });
      pages += 1;
      rows += page.rows.length;
      nextToken = page.nextToken;
      if (!nextToken) break;
      await ctx.cursors.set(
        this.source,
        target,
        JSON.stringify({
          since: cursor.since,
          ...window,
          nextToken,
        } satisfies SecurityHubCursor),
      );
      ctx.onProgress?.(target, { pages, rows });
    }
    await ctx.cursors.set(
      this.source,
      target,
      JSON.stringify({ since: window.until } satisfies SecurityHubCursor),
    );
    ctx.onProgress?.(target, { pages, rows });
    const coverage = await this.#readCoverage(client, ctx, call, target);
    return { status: 'ok', pages, rows, coverage };
  }

  /**
   * Which Regions the findings read in the target's Region cover: that
   * Region itself, and those its finding aggregator links (CSPM
   * ListFindingAggregators/GetFindingAggregator, or the new Security Hub's
   * ListAggregatorsV2/GetAggregatorV2 with `api: 'ocsf'`). An aggregator
   * that cannot be read proves nothing beyond the target's Region; the AWS
   * text goes to the log, the scope names only the reason's class.
   */
  async #readCoverage(
    client: SecurityHubClient,
    ctx: GovernanceSyncContext,
    call: GovernanceCall,
    target: GovernanceTarget,
  ): Promise<GovernanceCoverage> {
    const allRegions = this.#context.regionsOf(target.partition);
    const options = { abortSignal: ctx.signal };
    try {
      const arns: string[] = [];
      const pages = callPages(call, ctx.signal, async NextToken => {
        if (this.#api === 'ocsf') {
          const out = await client.send(
            new ListAggregatorsV2Command({ NextToken }),
            options,
          );
          return {
            arns: (out.AggregatorsV2 ?? []).map(a => a.AggregatorV2Arn),
            NextToken: out.NextToken,
          };
        }
        const out = await client.send(
          new ListFindingAggregatorsCommand({ NextToken }),
          options,
        );
        return {
          arns: (out.FindingAggregators ?? []).map(a => a.FindingAggregatorArn),
          NextToken: out.NextToken,
        };
      });
      for await (const page of pages)
        arns.push(...page.arns.filter((a): a is string => !!a));
      const aggregators = [];
      for (const arn of arns) {
        aggregators.push(
          await call(async () => {
            if (this.#api === 'ocsf') {
              const out = await client.send(
                new GetAggregatorV2Command({ AggregatorV2Arn: arn }),
                options,
              );
              return {
                aggregationRegion: out.AggregationRegion,
                linkingMode: out.RegionLinkingMode,
                regions: out.LinkedRegions ?? [],
              };
            }
            const out = await client.send(
              new GetFindingAggregatorCommand({ FindingAggregatorArn: arn }),
              options,
            );
            return {
              aggregationRegion: out.FindingAggregationRegion,
              linkingMode: out.RegionLinkingMode,
              regions: out.Regions ?? [],
            };
          }),
        );
      }
      return findingAggregatorCoverage(target, aggregators, allRegions);
    } catch (error) {
      const failure = classifyAwsError(error, ctx.signal);
      if (failure.kind === 'aborted') throw error;
      ctx.logger.warn(
        `Security Hub finding aggregator of ${target.partition}/${target.accountId}/${target.region} could not be read: ${failure.reason}`,
      );
      return findingAggregatorCoverage(target, [], allRegions, {
        unreadable: reasonKindOfFailure(failure.kind),
      });
    }
  }

  async #fetchPage(
    client: SecurityHubClient,
    ctx: GovernanceSyncContext,
    call: GovernanceCall,
    target: GovernanceTarget,
    window: { start?: string; until: string },
    nextToken: string | undefined,
  ): Promise<{ rows: GovernanceFindingRow[]; nextToken?: string }> {
    return call(async () => {
      if (this.#api === 'ocsf') {
        const out = await client.send(
          new GetFindingsV2Command({
            Filters: {
              CompositeOperator: 'AND',
              CompositeFilters: [
                {
                  StringFilters: [
                    {
                      FieldName: 'cloud.account.uid',
                      Filter: {
                        Value: target.accountId,
                        Comparison: 'EQUALS',
                      },
                    },
                  ],
                  DateFilters: [
                    {
                      FieldName: 'finding_info.modified_time_dt',
                      Filter: { Start: window.start, End: window.until },
                    },
                  ],
                },
              ],
            },
            MaxResults: PAGE_SIZE,
            NextToken: nextToken,
          }),
          { abortSignal: ctx.signal },
        );
        return {
          rows: (out.Findings ?? []).map(doc =>
            rowFromOcsf(doc as Record<string, any>, target.partition),
          ),
          nextToken: out.NextToken,
        };
      }
      const out = await client.send(
        new GetFindingsCommand({
          Filters: {
            AwsAccountId: [{ Value: target.accountId, Comparison: 'EQUALS' }],
            UpdatedAt: [{ Start: window.start, End: window.until }],
          },
          MaxResults: PAGE_SIZE,
          NextToken: nextToken,
        }),
        { abortSignal: ctx.signal },
      );
      return {
        rows: (out.Findings ?? []).map(f => rowFromAsff(f, target.partition)),
        nextToken: out.NextToken,
      };
    });
  }
}
