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
  GovernanceProvider,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  mapWithConcurrency,
  ResilienceAppRow,
  syncTargets,
  TargetReadResult,
  withRetries,
} from '@region-expansion/plugin-region-expansion-node';
import { latestSuccessfulAssessment, resilienceAppRow } from './mapResilience';

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
  readonly id = 'resiliencehub';
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

  targets(): GovernanceTarget[] {
    return this.#context.regionalTargets();
  }

  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport> {
    return syncTargets(this.source, ctx, this.#context.concurrency, target =>
      this.#readTarget(ctx, target),
    );
  }

  async #readTarget(
    ctx: GovernanceSyncContext,
    target: GovernanceTarget,
  ): Promise<TargetReadResult> {
    const client = new ResiliencehubClient(
      await this.#context.clientSettings(this.source, target),
    );
    const call = <T>(api: string, send: () => Promise<T>) =>
      withRetries(
        async () => {
          await this.#context.rateLimiter.acquire(target, api, ctx.signal);
          return send();
        },
        { signal: ctx.signal },
      );
    try {
      const rows: ResilienceAppRow[] = [];
      let pages = 0;
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        const out = await call('ListApps', () =>
          client.send(new ListAppsCommand({ maxResults: PAGE_SIZE, nextToken: token }), {
            abortSignal: ctx.signal,
          }),
        );
        pages += 1;
        const apps: AppSummary[] = (out.appSummaries ?? []).filter(
          a => !!a.appArn,
        );
        rows.push(
          ...(await mapWithConcurrency(apps, this.#appConcurrency, app =>
            this.#readApp(client, ctx, call, app, target),
          )),
        );
        nextToken = out.nextToken;
        ctx.onProgress?.(target, { pages, rows: rows.length });
      } while (nextToken);
      await ctx.sink.write(this.source, target, { resilienceApps: rows });
      return { status: 'ok', pages, rows: rows.length };
    } finally {
      client.destroy();
    }
  }

  async #readApp(
    client: ResiliencehubClient,
    ctx: GovernanceSyncContext,
    call: <T>(api: string, send: () => Promise<T>) => Promise<T>,
    app: AppSummary,
    target: GovernanceTarget,
  ): Promise<ResilienceAppRow> {
    const successful: AppAssessmentSummary[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const out = await call('ListAppAssessments', () =>
        client.send(
          new ListAppAssessmentsCommand({
            appArn: app.appArn,
            assessmentStatus: ['Success'],
            maxResults: PAGE_SIZE,
            nextToken: token,
          }),
          { abortSignal: ctx.signal },
        ),
      );
      successful.push(...(out.assessmentSummaries ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    const latest = latestSuccessfulAssessment(successful);
    let assessment: AppAssessment | undefined;
    if (latest) {
      const out = await call('DescribeAppAssessment', () =>
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
