import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import type { ReadinessSignal } from '@region-expansion/plugin-region-expansion-common';
import { classifyAwsError } from '../../governance/errors';
import { GovernanceRateLimiter } from '../../governance/limits';
import { readGovernanceDuration } from '../../governance/providerCalls';
import {
  governanceReasonSentence,
  reasonKindOfFailure,
} from '../../governance/reasons';
import { LocationCatalog } from '../../locations/LocationCatalog';
import type {
  GovernanceCheck,
  GovernanceSignalSource,
} from '../../readiness/GovernanceSignalSource';
import { DomainRuleError } from '../../locations/errors';
import { withFieldPrefix } from '../../validation/fields';
import {
  Guardrails,
  GuardrailsInput,
  renderGuardrails,
} from '../renderGuardrails';
import {
  compareGuardrails,
  GuardrailDriftReport,
  OrganizationSnapshot,
} from './compareGuardrails';
import { guardrailDriftSignal } from './guardrailDriftSignal';
import {
  ORGANIZATIONS_RATE_LIMIT_KEY,
  readOrganization,
} from './readOrganization';

/**
 * The Organizations API rate the checker paces at by default, requests
 * per second across operations (see docs/governance.md, "Guardrail drift",
 * for the source and how to set the documented figure).
 *
 * @public
 */
export const DEFAULT_ORGANIZATIONS_RATE_LIMIT = {
  ratePerSecond: 10,
  burst: 10,
};

/**
 * Where the Organizations view of one partition is read: the management
 * account or a delegated administrator, whose credentials come from
 * `aws.*` through `@backstage/integration-aws-node`; never from a request.
 *
 * @public
 */
export interface GuardrailDriftPartition {
  /** The AWS partition, e.g. `aws` or `aws-us-gov`. */
  partition: string;
  /** Management or delegated administrator account that reads it. */
  accountId: string;
  /** Region the global Organizations endpoint is signed for; default the partition's home Region. */
  region: string;
}

/**
 * Settings of a {@link GuardrailDriftChecker}.
 *
 * @public
 */
export interface GuardrailDriftSettings {
  /** Where each partition is read; plans elsewhere are `unknown`. */
  partitions: GuardrailDriftPartition[];
  /** The guardrail plans to check, as `renderGuardrails` takes them. */
  plans: GuardrailsInput[];
  /**
   * Pace of Organizations API requests, across operations; see
   * {@link DEFAULT_ORGANIZATIONS_RATE_LIMIT}.
   */
  rateLimit: { ratePerSecond: number; burst: number };
  /** Most Organizations requests in flight at once while reading. */
  concurrency: number;
  /** Attempts per Organizations call, retries included. */
  maxAttempts: number;
  /** Organizations endpoint URL (the simulator); absent for AWS's own. */
  endpoint?: string;
  /** How long a read organization is reused, in milliseconds. */
  cacheTtlMs: number;
}

/**
 * Builds the SDK client of a partition (tests and the bench point it at
 * the simulator through `endpoint`).
 *
 * @public
 */
export type OrganizationsClientFactory = (
  partition: GuardrailDriftPartition,
) => Promise<OrganizationsClient>;

/**
 * Checks the guardrails the project renders against AWS Organizations:
 * per partition, the organization is read once through the real SDK
 * (rate-limited, bounded concurrency, reused for `cacheTtlMs`), and every
 * plan of the location is compared with it. Also a governance signal
 * source: `guardrail-drift` per location.
 *
 * @public
 */
export class GuardrailDriftChecker implements GovernanceSignalSource {
  /** Stable id of this source, named when its signals cannot be read. */
  readonly id = 'guardrail-drift';
  /** The settings the checker was created with. */
  readonly settings: GuardrailDriftSettings;
  readonly #rendered: Array<{ input: GuardrailsInput; guardrails: Guardrails }>;
  readonly #clientOf: OrganizationsClientFactory;
  readonly #limiter: GovernanceRateLimiter;
  readonly #now: () => number;
  readonly #logger?: { warn(message: string): void };
  readonly #cache = new Map<
    string,
    { at: number; read: Promise<OrganizationSnapshot> }
  >();

  private constructor(options: {
    settings: GuardrailDriftSettings;
    catalog: LocationCatalog;
    clientOf: OrganizationsClientFactory;
    now: () => number;
    logger?: { warn(message: string): void };
  }) {
    this.settings = options.settings;
    this.#logger = options.logger;
    this.#clientOf = options.clientOf;
    this.#now = options.now;
    this.#limiter = new GovernanceRateLimiter({
      [ORGANIZATIONS_RATE_LIMIT_KEY]: options.settings.rateLimit,
    });
    this.#rendered = options.settings.plans.map((input, index) =>
      withFieldPrefix(`plans.${index}`, () => ({
        input,
        guardrails: renderGuardrails(input, options.catalog),
      })),
    );
  }

  /**
   * A checker from settings; throws `plans.<i>.<field>: <reason>` for a
   * plan that does not render.
   */
  static create(options: {
    settings: GuardrailDriftSettings;
    catalog?: LocationCatalog;
    clientOf: OrganizationsClientFactory;
    now?: () => number;
    /** Gets the AWS error of a failed read (readers get a fixed sentence). */
    logger?: { warn(message: string): void };
  }): GuardrailDriftChecker {
    return new GuardrailDriftChecker({
      settings: options.settings,
      catalog: options.catalog ?? LocationCatalog.fromSnapshot(),
      clientOf: options.clientOf,
      now: options.now ?? (() => Date.now()),
      logger: options.logger,
    });
  }

  /**
   * Reads `regionExpansion.guardrails.drift`; credentials per partition
   * through `aws.*`. Throws `regionExpansion.guardrails.drift.<key>: <reason>`
   * on a bad setting or a plan that does not render.
   */
  static fromConfig(
    config: Config,
    options: {
      catalog?: LocationCatalog;
      credentialsManager?: AwsCredentialsManager;
      logger?: { warn(message: string): void };
    } = {},
  ): GuardrailDriftChecker {
    const catalog = options.catalog ?? LocationCatalog.fromSnapshot();
    const key = 'regionExpansion.guardrails.drift';
    const drift = config.getOptionalConfig(key);
    const settings = readDriftSettings(drift, catalog, key);
    const credentials =
      options.credentialsManager ??
      DefaultAwsCredentialsManager.fromConfig(config);
    try {
      return GuardrailDriftChecker.create({
        settings,
        catalog,
        logger: options.logger,
        clientOf: async p => {
          const provider = await credentials.getCredentialProvider({
            accountId: p.accountId,
          });
          return new OrganizationsClient({
            region: p.region,
            credentials: provider.sdkCredentialProvider,
            maxAttempts: settings.maxAttempts,
            ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
          });
        },
      });
    } catch (error) {
      if (error instanceof DomainRuleError)
        throw new Error(`${key}.${error.message}`);
      throw error;
    }
  }

  /** Locations that have a guardrail plan. */
  locations(): string[] {
    return [...new Set(this.#rendered.map(r => r.input.targetLocation))];
  }

  /** The drift of every plan of a location (none: no plan targets it). */
  async check(locationId: string): Promise<GuardrailDriftReport[]> {
    const plans = this.#rendered.filter(
      r => r.input.targetLocation === locationId,
    );
    return Promise.all(
      plans.map(async ({ input, guardrails }) => {
        const plan = { name: input.name, location: locationId };
        const partition = guardrails.organizationalUnit.partition;
        const where = this.settings.partitions.find(
          p => p.partition === partition,
        );
        if (!where)
          return unknownReport(
            plan,
            guardrails,
            `no management or delegated administrator account is configured for partition ${partition} (regionExpansion.guardrails.drift.partitions)`,
          );
        try {
          return compareGuardrails(
            plan,
            guardrails,
            await this.#snapshot(where),
          );
        } catch (error) {
          const failure = classifyAwsError(error);
          this.#logger?.warn(
            `guardrail drift: reading AWS Organizations of partition ${partition} with account ${where.accountId} failed: ${failure.reason}`,
          );
          return unknownReport(
            plan,
            guardrails,
            governanceReasonSentence(
              reasonKindOfFailure(failure.kind),
              'AWS Organizations',
              { partition, accountId: where.accountId, region: where.region },
            ),
          );
        }
      }),
    );
  }

  /** The `guardrail-drift` signal of a location; nothing when no plan targets it. */
  async signalsFor(
    locationId: string,
  ): Promise<Partial<Record<GovernanceCheck, ReadinessSignal>>> {
    const reports = await this.check(locationId);
    return reports.length
      ? { 'guardrail-drift': guardrailDriftSignal(reports) }
      : {};
  }

  /** The partition's organization, read once per `cacheTtlMs`; a failed read is not kept. */
  #snapshot(where: GuardrailDriftPartition): Promise<OrganizationSnapshot> {
    const cached = this.#cache.get(where.partition);
    if (cached && this.#now() - cached.at < this.settings.cacheTtlMs)
      return cached.read;
    const policyPaths = this.#rendered
      .filter(
        r => r.guardrails.organizationalUnit.partition === where.partition,
      )
      .map(r => r.guardrails.organizationalUnit.pathString);
    const read = (async () => {
      const client = await this.#clientOf(where);
      try {
        return await readOrganization(client, {
          partition: where.partition,
          accountId: where.accountId,
          policyPaths,
          limiter: this.#limiter,
          concurrency: this.settings.concurrency,
        });
      } finally {
        client.destroy();
      }
    })();
    this.#cache.set(where.partition, { at: this.#now(), read });
    read.catch(() => this.#cache.delete(where.partition));
    return read;
  }
}

function unknownReport(
  plan: { name: string; location: string },
  guardrails: Guardrails,
  reason: string,
): GuardrailDriftReport {
  return {
    plan: plan.name,
    location: plan.location,
    partition: guardrails.organizationalUnit.partition,
    status: 'unknown',
    ouPath: guardrails.organizationalUnit.pathString,
    ouFound: false,
    misplacedAccounts: [],
    unexpectedAccounts: [],
    policies: [],
    extraPolicies: [],
    summary: [],
    reason,
  };
}

function positive(value: number | undefined, fallback: number, key: string) {
  const n = value ?? fallback;
  if (!(n > 0)) throw new Error(`${key}: must be a number above 0, got ${n}`);
  return n;
}

function readDriftSettings(
  drift: Config | undefined,
  catalog: LocationCatalog,
  key: string,
): GuardrailDriftSettings {
  const partitions = (drift?.getOptionalConfigArray('partitions') ?? []).map(
    (p, i) => {
      const partition = p.getString('partition');
      const facts = catalog.partition(partition);
      if (!facts)
        throw new Error(
          `${key}.partitions.${i}.partition: unknown partition ${partition}`,
        );
      const accountId = p.getString('accountId');
      if (!/^\d{12}$/.test(accountId))
        throw new Error(`${key}.partitions.${i}.accountId: must be 12 digits`);
      return {
        partition,
        accountId,
        region: p.getOptionalString('region') ?? facts.homeRegion,
      };
    },
  );
  const plans = (drift?.getOptionalConfigArray('plans') ?? []).map(p => ({
    name: p.getString('name'),
    targetLocation: p.getString('targetLocation'),
    industry: p.getString('industry'),
    allowedRegions: p.getOptionalStringArray('allowedRegions'),
    additionalExemptions: p.getOptionalStringArray('additionalExemptions'),
    accountIds: p.getOptionalStringArray('accountIds'),
  }));
  return {
    partitions,
    plans,
    rateLimit: {
      ratePerSecond: positive(
        drift?.getOptionalNumber('ratePerSecond'),
        DEFAULT_ORGANIZATIONS_RATE_LIMIT.ratePerSecond,
        `${key}.ratePerSecond`,
      ),
      burst: positive(
        drift?.getOptionalNumber('burst'),
        DEFAULT_ORGANIZATIONS_RATE_LIMIT.burst,
        `${key}.burst`,
      ),
    },
    concurrency: positive(
      drift?.getOptionalNumber('concurrency'),
      4,
      `${key}.concurrency`,
    ),
    maxAttempts: positive(
      drift?.getOptionalNumber('maxAttempts'),
      5,
      `${key}.maxAttempts`,
    ),
    endpoint: drift?.getOptionalString('endpoint'),
    cacheTtlMs: drift
      ? readGovernanceDuration(drift, 'cacheTtl', 5 * 60_000)
      : 5 * 60_000,
  };
}
