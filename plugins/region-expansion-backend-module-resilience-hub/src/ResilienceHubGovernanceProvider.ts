import {
  AppAssessment,
  AppAssessmentSummary,
  AppSummary,
  DescribeAppAssessmentCommand,
  ListAppAssessmentsCommand,
  ListAppsCommand,
  ResiliencehubClient,
} from '@aws-sdk/client-resiliencehub';
import { Config } from '@backstage/config';
import {
  GovernanceAwsContext,
  GovernanceCall,
  GovernanceProvider,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  mapWithConcurrency,
  callPages,
  ResilienceAppRow,
  syncTargetsWithClient,
  TargetReadResult,
} from '@region-expansion/plugin-region-expansion-node';
import {
  latestSuccessfulAssessment,
  resilienceAppRow,
  resilienceCoverage,
} from './mapResilience';

const PAGE_SIZE = 100;

/**
 * Reads Resilience Hub applications in every configured account and Region,
 * with the latest successful assessment of each: compliance, current versus
 * target RTO/RPO per disruption type, resiliency score and drift. Each run
 * replaces the target's applications once all of them were read; a run that
 * fails or is aborted midway writes nothing, so the last good data stays.
 *
 * @public
 */
export class ResilienceHubGovernanceProvider implements GovernanceProvider {
  /** Names the scheduled sync task and the `provider` of `POST /governance/sync`. */
  readonly id = 'resiliencehub';
  /** Source the applications and outcomes are stored under. */
  readonly source = 'resiliencehub' as const;
  readonly #context: GovernanceAwsContext;
  readonly #appConcurrency: number;

  private constructor(context: GovernanceAwsContext, appConcurrency: number) {
    this.#context = context;
    this.#appConcurrency = appConcurrency;
  }

  /** Reads `regionExpansion.governance.resilienceHub.appConcurrency` (default 4). */
  static fromConfig(
    config: Config,
    options: { context?: GovernanceAwsContext } = {},
  ): ResilienceHubGovernanceProvider {
    const appConcurrency =
      config.getOptionalNumber(
        'regionExpansion.governance.resilienceHub.appConcurrency',
      ) ?? 4;
    if (!Number.isInteger(appConcurrency) || appConcurrency < 1) {
      throw new Error(
        `regionExpansion.governance.resilienceHub.appConcurrency must be a positive integer, got ${appConcurrency}`,
      );
    }
    return new ResilienceHubGovernanceProvider(
      options.context ?? GovernanceAwsContext.fromConfig(config),
      appConcurrency,
    );
  }

  /** A provider over an existing context (tests, benchmarks). */
  static create(options: {
    context: GovernanceAwsContext;
    appConcurrency?: number;
  }): ResilienceHubGovernanceProvider {
    return new ResilienceHubGovernanceProvider(
      options.context,
      options.appConcurrency ?? 4,
    );
  }

  /**
   * One target per configured account and Region
   * (`regionExpansion.governance.targets[].regions`, default the home Region).
   */
  targets(): GovernanceTarget[] {
    return this.#context.regionalTargets();
  }

  /**
   * Lists each target's applications and reads the latest successful
   * assessment of each (`appConcurrency` at a time), then replaces the
   * target's applications.
   */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport> {
    return syncTargetsWithClient(
      this.#context,
      this.source,
      ctx,
      settings => new ResiliencehubClient(settings),
      (client, call, target) => this.#readTarget(ctx, client, call, target),
    );
  }

  async #readTarget(
    ctx: GovernanceSyncContext,
    client: ResiliencehubClient,
    call: GovernanceCall,
    target: GovernanceTarget,
  ): Promise<TargetReadResult> {
    const rows: ResilienceAppRow[] = [];
    let pages = 0;
    const appPages = callPages(call, ctx.signal, (nextToken, options) =>
      client.send(
        new ListAppsCommand({ maxResults: PAGE_SIZE, nextToken }),
        options,
      ),
    );
    for await (const out of appPages) {
      pages += 1;
      const apps: AppSummary[] = (out.appSummaries ?? []).filter(
        a => !!a.appArn,
      );
      rows.push(
        ...(await mapWithConcurrency(apps, this.#appConcurrency, app =>
          this.#readApp(client, ctx, call, app, target),
        )),
      );
      ctx.onProgress?.(target, { pages, rows: rows.length });
    }
    await ctx.sink.write(this.source, target, { resilienceApps: rows });
    return {
      status: 'ok',
      pages,
      rows: rows.length,
      coverage: resilienceCoverage(target, rows),
    };
  }

  async #readApp(
    client: ResiliencehubClient,
    ctx: GovernanceSyncContext,
    call: GovernanceCall,
    app: AppSummary,
    target: GovernanceTarget,
  ): Promise<ResilienceAppRow> {
    const successful: AppAssessmentSummary[] = [];
    const assessmentPages = callPages(call, ctx.signal, (nextToken, options) =>
      client.send(
        new ListAppAssessmentsCommand({
          appArn: app.appArn,
          assessmentStatus: ['Success'],
          maxResults: PAGE_SIZE,
          nextToken,
        }),
        options,
      ),
    );
    for await (const out of assessmentPages) {
      successful.push(...(out.assessmentSummaries ?? []));
    }
    const latest = latestSuccessfulAssessment(successful);
    let assessment: AppAssessment | undefined;
    if (latest) {
      const out = await call(() =>
        client.send(
          new DescribeAppAssessmentCommand({
            assessmentArn: latest.assessmentArn,
          }),
          { abortSignal: ctx.signal },
        ),
      );
      assessment = out.assessment;
    }
    return resilienceAppRow(app, assessment, target);
  }
}
