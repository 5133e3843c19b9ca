import {
  regionOf,
  type ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';
import {
  DEFAULT_GOVERNANCE_READINESS_POLICY,
  GovernanceCheck,
  GovernanceReadinessPolicy,
  GovernanceSignalSource,
  judgeGovernanceSignals,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import type { GovernanceService } from './GovernanceService';

/**
 * Security, resilience and audit readiness signals per location from the
 * governance store: reads the evidence of the location's Region and lets
 * the node library judge it (`judgeGovernanceSignals`). Pass it to the
 * readiness service as a governance source.
 *
 * @public
 */
export class GovernanceReadinessSignals implements GovernanceSignalSource {
  readonly id = 'governance';
  readonly #store: GovernanceService;
  readonly #catalog: Pick<LocationCatalog, 'get'>;
  readonly #policy: GovernanceReadinessPolicy;
  readonly #now: () => Date;

  private constructor(options: {
    store: GovernanceService;
    catalog: Pick<LocationCatalog, 'get'>;
    policy: GovernanceReadinessPolicy;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#policy = options.policy;
    this.#now = options.now;
  }

  static create(options: {
    store: GovernanceService;
    catalog?: Pick<LocationCatalog, 'get'>;
    policy?: Partial<GovernanceReadinessPolicy>;
    now?: () => Date;
  }): GovernanceReadinessSignals {
    return new GovernanceReadinessSignals({
      store: options.store,
      catalog: options.catalog ?? LocationCatalog.fromSnapshot(),
      policy: { ...DEFAULT_GOVERNANCE_READINESS_POLICY, ...options.policy },
      now: options.now ?? (() => new Date()),
    });
  }

  async signalsFor(
    locationId: string,
  ): Promise<Partial<Record<GovernanceCheck, ReadinessSignal>>> {
    const location = this.#catalog.get(locationId);
    if (!location) return {};
    const region = regionOf(location);
    const partition = location.partition;
    const now = this.#now();
    const failedBy = async (severity: string) =>
      (
        await this.#store.summary('control', {
          partition,
          region,
          severity,
          recordState: 'ACTIVE',
          complianceStatus: 'FAILED',
        })
      ).map(g => ({ controlId: g.key, count: g.total }));
    const [states, coverage, critical, high, apps, controls, scores] =
      await Promise.all([
        this.#store.freshness({ partition }),
        this.#store.coverage({ partition }),
        failedBy('CRITICAL'),
        failedBy('HIGH'),
        this.#store.listResilienceApps({ partition, region }),
        this.#store.listAuditControls({ partition, region }),
        this.#store.listConformanceScores({ partition, region }),
      ]);
    return judgeGovernanceSignals(
      region,
      {
        states,
        coverage,
        failedByControl: { critical, high },
        apps,
        controls,
        scores,
      },
      this.#policy,
      now,
    );
  }
}
