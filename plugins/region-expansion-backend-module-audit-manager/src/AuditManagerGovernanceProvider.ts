import {
  AssessmentEvidenceFolder,
  AuditManagerClient,
  GetAccountStatusCommand,
  GetAssessmentCommand,
  GetEvidenceFoldersByAssessmentCommand,
  ListAssessmentsCommand,
} from '@aws-sdk/client-auditmanager';
import { Config } from '@backstage/config';
import {
  AuditControlRow,
  classifyAwsError,
  GovernanceAwsContext,
  GovernanceProvider,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceCall,
  GovernanceTarget,
  callPages,
  readGovernanceChoice,
  syncTargetsWithClient,
  TargetReadResult,
} from '@region-expansion/plugin-region-expansion-node';
import {
  assessmentCoversAccount,
  auditControlRows,
  auditCoverage,
  auditManagerStatusReason,
} from './mapAudit';

const PAGE_SIZE = 100;

/**
 * Which Regions Audit Manager is read in: the partition's home Region, or
 * every configured Region.
 *
 * @public
 */
export type AuditManagerRegions = 'home' | 'configured';

/**
 * Reads the active Audit Manager assessments of every configured account:
 * framework, control sets, control status and evidence counts by folder. An
 * account where Audit Manager is not set up (not registered, not subscribed,
 * not available) ends as `unavailable` with the stated reason, not as an
 * error. An account whose status reads ACTIVE but whose later calls are
 * refused as not subscribed ends as `failed` with that stated reason: its
 * controls of the last good run stay, marked stale. A target's controls are
 * replaced only after all were read.
 *
 * @public
 */
export class AuditManagerGovernanceProvider implements GovernanceProvider {
  /** Names the scheduled sync task and the `provider` of `POST /governance/sync`. */
  readonly id = 'auditmanager';
  /** Source the audit controls and outcomes are stored under. */
  readonly source = 'auditmanager' as const;
  readonly #context: GovernanceAwsContext;
  readonly #regions: AuditManagerRegions;

  private constructor(
    context: GovernanceAwsContext,
    regions: AuditManagerRegions,
  ) {
    this.#context = context;
    this.#regions = regions;
  }

  /** Reads `regionExpansion.governance.auditManager.regions` (`home` default, or `configured`). */
  static fromConfig(
    config: Config,
    options: { context?: GovernanceAwsContext } = {},
  ): AuditManagerGovernanceProvider {
    return new AuditManagerGovernanceProvider(
      options.context ?? GovernanceAwsContext.fromConfig(config),
      readGovernanceChoice<AuditManagerRegions>(
        config,
        'regionExpansion.governance.auditManager.regions',
        ['home', 'configured'],
        'home',
      ),
    );
  }

  /** A provider over an existing context (tests, benchmarks). */
  static create(options: {
    context: GovernanceAwsContext;
    regions?: AuditManagerRegions;
  }): AuditManagerGovernanceProvider {
    return new AuditManagerGovernanceProvider(
      options.context,
      options.regions ?? 'home',
    );
  }

  /**
   * One target per configured account in its partition's home Region; with
   * `regions: 'configured'`, in every configured Region.
   */
  targets(): GovernanceTarget[] {
    return this.#regions === 'home'
      ? this.#context.homeRegionTargets()
      : this.#context.regionalTargets();
  }

  /**
   * Checks each target's Audit Manager status, then reads its active
   * assessments and their evidence folders and replaces the target's
   * controls.
   */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport> {
    return syncTargetsWithClient(
      this.#context,
      this.source,
      ctx,
      settings => new AuditManagerClient(settings),
      (client, call, target) => this.#readTarget(ctx, client, call, target),
    );
  }

  async #readTarget(
    ctx: GovernanceSyncContext,
    client: AuditManagerClient,
    call: GovernanceCall,
    target: GovernanceTarget,
  ): Promise<TargetReadResult> {
    let active = false;
    try {
      const status = await call(() =>
        client.send(new GetAccountStatusCommand({}), {
          abortSignal: ctx.signal,
        }),
      );
      const notSetUp = auditManagerStatusReason(status.status, target);
      if (notSetUp)
        return { status: 'unavailable', reason: notSetUp, kind: 'not-enabled' };
      active = true;

      const rows: AuditControlRow[] = [];
      let pages = 0;
      let assessments = 0;
      let covering = 0;
      const assessmentPages = callPages(
        call,
        ctx.signal,
        (nextToken, options) =>
          client.send(
            new ListAssessmentsCommand({
              status: 'ACTIVE',
              maxResults: PAGE_SIZE,
              nextToken,
            }),
            options,
          ),
      );
      for await (const out of assessmentPages) {
        pages += 1;
        for (const item of out.assessmentMetadata ?? []) {
          if (!item.id) continue;
          const id = item.id;
          const { assessment } = await call(() =>
            client.send(new GetAssessmentCommand({ assessmentId: id }), {
              abortSignal: ctx.signal,
            }),
          );
          if (!assessment) continue;
          assessments += 1;
          if (assessmentCoversAccount(assessment, target.accountId))
            covering += 1;
          const folders: AssessmentEvidenceFolder[] = [];
          const folderPages = callPages(
            call,
            ctx.signal,
            (nextToken, options) =>
              client.send(
                new GetEvidenceFoldersByAssessmentCommand({
                  assessmentId: id,
                  maxResults: PAGE_SIZE,
                  nextToken,
                }),
                options,
              ),
          );
          for await (const page of folderPages) {
            pages += 1;
            folders.push(...(page.evidenceFolders ?? []));
          }
          rows.push(...auditControlRows(assessment, folders, target));
          ctx.onProgress?.(target, { pages, rows: rows.length });
        }
      }
      await ctx.sink.write(this.source, target, { auditControls: rows });
      return {
        status: 'ok',
        pages,
        rows: rows.length,
        coverage: auditCoverage(target, assessments, covering),
      };
    } catch (error) {
      const failure = classifyAwsError(error, ctx.signal);
      if (failure.kind === 'not-subscribed') {
        // After an ACTIVE status the account did have Audit Manager: what was
        // read before stays (stale), with the reason, instead of reading as
        // a service that was never there.
        return active
          ? {
              status: 'failed',
              reason: `Audit Manager refused the read in account ${target.accountId} (${target.region}) although its status is ACTIVE: ${failure.reason}`,
              kind: 'not-enabled',
            }
          : {
              status: 'unavailable',
              reason: `Audit Manager is not available in account ${target.accountId} (${target.region}): ${failure.reason}`,
              kind: 'not-enabled',
            };
      }
      throw error;
    }
  }
}
