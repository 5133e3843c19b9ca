import {
  GetFindingsCommand,
  GetFindingsV2Command,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { Config } from '@backstage/config';
import {
  classifyAwsError,
  GovernanceAwsContext,
  GovernanceCall,
  GovernanceFindingRow,
  GovernanceProvider,
  GovernanceSource,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  readGovernanceChoice,
  syncTargetsWithClient,
  TargetReadResult,
} from '@region-expansion/plugin-region-expansion-node';
import { rowFromAsff, rowFromOcsf } from './mapFindings';

/**
 * Position of the incremental read of one target: the `UpdatedAt` window
 * `[since, until]` and, while a window is being read, the next page token.
 *
 * @public
 */
export interface SecurityHubCursor {
  /** Start of the window (inclusive), ISO; absent on the first run. */
  since?: string;
  /** End of the window being read, ISO. */
  until?: string;
  /** Next page of the window being read. */
  nextToken?: string;
}

const PAGE_SIZE = 100;

/**
 * Reads Security Hub findings of every configured account from its
 * partition's home Region (where findings of all Regions are aggregated),
 * incrementally by `UpdatedAt`: each run reads the window from the previous
 * run's end to now and persists the page token after every page, so an
 * interrupted run resumes where it stopped. `api: 'ocsf'` uses
 * GetFindingsV2 instead of GetFindings.
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

  private constructor(context: GovernanceAwsContext, api: 'asff' | 'ocsf') {
    this.#context = context;
    this.#api = api;
    this.source = api === 'ocsf' ? 'securityhub-ocsf' : 'securityhub';
    this.id = this.source;
  }

  /** Reads `regionExpansion.governance.securityHub.api` (`asff` default, or `ocsf`). */
  static fromConfig(
    config: Config,
    options: { context?: GovernanceAwsContext } = {},
  ): SecurityHubGovernanceProvider {
    return new SecurityHubGovernanceProvider(
      options.context ?? GovernanceAwsContext.fromConfig(config),
      readGovernanceChoice(
        config,
        'regionExpansion.governance.securityHub.api',
        ['asff', 'ocsf'] as const,
        'asff',
      ),
    );
  }

  /** A provider over an existing context (tests, benchmarks). */
  static create(options: {
    context: GovernanceAwsContext;
    api?: 'asff' | 'ocsf';
  }): SecurityHubGovernanceProvider {
    return new SecurityHubGovernanceProvider(
      options.context,
      options.api ?? 'asff',
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
   * Reads each target's findings updated since the previous run's end (all
   * on the first run), writing every page to the sink and storing the
   * cursor after it, so an interrupted run resumes at that page.
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
    const window = {
      since: cursor.since,
      until: resuming ? cursor.until! : ctx.now().toISOString(),
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
    return { status: 'ok', pages, rows };
  }

  async #fetchPage(
    client: SecurityHubClient,
    ctx: GovernanceSyncContext,
    call: GovernanceCall,
    target: GovernanceTarget,
    window: { since?: string; until: string },
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
                      Filter: { Start: window.since, End: window.until },
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
            UpdatedAt: [{ Start: window.since, End: window.until }],
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
